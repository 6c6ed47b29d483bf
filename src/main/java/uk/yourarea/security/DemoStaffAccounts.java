package uk.yourarea.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo profile's staff accounts, all with the password
 * {@value DemoPasswords#DEMO_PASSWORD}:
 * <ul>
 * <li>{@code officer.wigston@example.org}: officer for Wigston (NA54)</li>
 * <li>{@code officer.oadby@example.org}: officer for Oadby (NA55)</li>
 * <li>{@code sergeant@example.org}: supervisor for the local policing area of Wigston and
 * Oadby</li>
 * <li>{@code webeditor@example.org}: web editor</li>
 * <li>{@code admin@example.org}: administrator</li>
 * <li>{@code dpo@example.org}: data protection officer</li>
 * <li>{@code sergeant.<area code>@example.org}: a supervisor for each other local
 * policing area</li>
 * </ul>
 * Created once the application is ready, which is after the demo data loader (an
 * {@code ApplicationRunner}) has created the neighbourhoods; an account whose email
 * address exists already is left alone.
 */
@Component
@Profile("demo")
class DemoStaffAccounts {

	record DemoAccount(String email, String name, StaffRole role, String neighbourhoodCode,
			@org.jspecify.annotations.Nullable String collarNumber) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("officer.wigston@example.org", "PC Jo Wigston (demo)", StaffRole.OFFICER, "NA54", "1913"),
			new DemoAccount("officer.oadby@example.org", "PC Sam Oadby (demo)", StaffRole.OFFICER, "NA55", "1165"),
			new DemoAccount("sergeant@example.org", "Sergeant Alex Harborough (demo)", StaffRole.SUPERVISOR, "NA54",
					"168"),
			new DemoAccount("webeditor@example.org", "Web Editor (demo)", StaffRole.WEB_EDITOR, "", null),
			new DemoAccount("admin@example.org", "Administrator (demo)", StaffRole.ADMIN, "", null),
			new DemoAccount("dpo@example.org", "Data Protection Officer (demo)", StaffRole.DATA_PROTECTION, "", null));

	private static final Logger log = LoggerFactory.getLogger(DemoStaffAccounts.class);

	private final StaffAccounts accounts;

	private final JdbcTemplate jdbc;

	private final PlacesOfWork places;

	DemoStaffAccounts(StaffAccounts accounts, JdbcTemplate jdbc, PlacesOfWork places) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.places = places;
	}

	/**
	 * A supervisor for every other local policing area
	 * ({@code sergeant.<area code>@...}), so that every neighbourhood's messages reach
	 * someone, as the Guarantee asks.
	 */
	private int createAreaSupervisors() {
		int created = 0;
		Set<Long> supervised = new HashSet<>(this.jdbc
			.queryForList("select distinct local_policing_area_id from staff_local_policing_area", Long.class));
		List<PlacesOfWork.Area> areas = this.places.localPolicingAreas()
			.stream()
			.filter((area) -> !supervised.contains(area.id()))
			.toList();
		for (PlacesOfWork.Area area : areas) {
			String email = "sergeant." + area.code().toLowerCase(java.util.Locale.ROOT) + "@example.org";
			if (this.accounts.exists(email)) {
				continue;
			}
			this.accounts.createAccount(
					new StaffAccounts.Details("Sergeant, " + area.name() + " (demo)", email,
							Set.of(StaffRole.SUPERVISOR), Set.of(), Set.of(area.id())),
					DemoPasswords.DEMO_PASSWORD, false);
			created++;
		}
		return created;
	}

	// Before contact.DemoMessages (order 10), whose messages these accounts answer.
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void createDemoAccounts() {
		int created = 0;
		for (DemoAccount demo : ACCOUNTS) {
			if (this.accounts.exists(demo.email())) {
				continue;
			}
			Optional<Map.Entry<Long, Long>> neighbourhood = demo.neighbourhoodCode().isEmpty() ? Optional.empty()
					: this.places.neighbourhoodAndAreaByCode(demo.neighbourhoodCode());
			if (!demo.neighbourhoodCode().isEmpty() && neighbourhood.isEmpty()) {
				log.warn("Demo staff: no neighbourhood {}, so no account {}", demo.neighbourhoodCode(), demo.email());
				continue;
			}
			Set<Long> neighbourhoodIds = (demo.role() == StaffRole.OFFICER)
					? Set.of(neighbourhood.orElseThrow().getKey()) : Set.of();
			Set<Long> areaIds = (demo.role() == StaffRole.SUPERVISOR) ? Set.of(neighbourhood.orElseThrow().getValue())
					: Set.of();
			this.accounts.createAccount(new StaffAccounts.Details(demo.name(), demo.email(), Set.of(demo.role()),
					neighbourhoodIds, areaIds, demo.collarNumber()), DemoPasswords.DEMO_PASSWORD, false);
			created++;
		}
		created += createAreaSupervisors();
		if (created > 0) {
			log.info("Demo staff: created {} accounts, all with the demo password", created);
		}
	}

}
