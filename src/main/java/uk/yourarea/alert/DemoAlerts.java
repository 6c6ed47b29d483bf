package uk.yourarea.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffScope;
import uk.yourarea.team.Role;
import uk.yourarea.team.TeamOnThePage;
import uk.yourarea.web.SiteProperties;

/**
 * Wigston's archive for the demo: three alerts its officer sent over the past weeks (one
 * a letter from the beat team explaining who comes when you call), and a few confirmed
 * subscribers, so that a newcomer sees the archive, the feed and the latest alerts on the
 * Your Area page. No email is queued for any of them.
 * <p>
 * Runs once the application is ready, after security.DemoStaffAccounts (order 0), whose
 * officer writes them, and before contact's demo reply to one of them; it does nothing
 * when Wigston already has published alerts.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "yourarea.demo.load", havingValue = "true")
class DemoAlerts {

	static final String WIGSTON = "NA54";

	static final List<String> SUBSCRIBERS = List.of("beat-news-reader@example.org", "wigston-resident@example.org",
			"long-street-neighbours@example.org");

	private static final Logger log = LoggerFactory.getLogger(DemoAlerts.class);

	private final NeighbourhoodDirectory neighbourhoods;

	private final StaffScope scope;

	private final StaffAccounts staff;

	private final TeamOnThePage team;

	private final AlertArchive archive;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final SiteProperties site;

	private final AlertSignature signatures;

	private final Clock clock;

	DemoAlerts(NeighbourhoodDirectory neighbourhoods, StaffScope scope, StaffAccounts staff, TeamOnThePage team,
			AlertArchive archive, JdbcTemplate jdbc, TransactionTemplate transaction, SiteProperties site,
			AlertSignature signatures, Clock clock) {
		this.site = site;
		this.signatures = signatures;
		this.neighbourhoods = neighbourhoods;
		this.scope = scope;
		this.staff = staff;
		this.team = team;
		this.archive = archive;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	record DemoAlert(Duration ago, AlertTopic topic, String title, String body) {
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(5)
	void load() {
		Optional<NeighbourhoodSummary> wigston = this.neighbourhoods.byCode(WIGSTON).filter((n) -> !n.retired());
		if (wigston.isEmpty()) {
			return;
		}
		long neighbourhoodId = wigston.get().id();
		if (this.jdbc.queryForObject("""
				select count(*) from alert a join alert_neighbourhood n on n.alert_id = a.id
				where n.neighbourhood_id = ? and a.status in ('SENDING', 'SENT')""", Long.class, neighbourhoodId) > 0) {
			log.info("Demo alerts: Wigston has alerts already, nothing loaded");
			return;
		}
		Optional<StaffAccounts.Account> officer = this.scope.workingIn(neighbourhoodId)
			.stream()
			.map((colleague) -> this.staff.find(colleague.id()).orElseThrow())
			.filter((account) -> account.roles().contains(StaffRole.OFFICER)
					&& account.neighbourhoodIds().contains(neighbourhoodId))
			.min(Comparator.comparingLong(StaffAccounts.Account::id));
		if (officer.isEmpty()) {
			log.warn("Demo alerts: Wigston has no officer with an account, so no alerts");
			return;
		}
		// Signed as the site signs an alert to Wigston by this officer.
		AlertSignature.Signed signature = this.signatures.signed(officer.get().id(), new AlertDraft("Demo", "Demo",
				AlertTopic.GENERAL, AlertReach.NEIGHBOURHOODS, null, java.util.Set.of(neighbourhoodId)));
		List<DemoAlert> alerts = alerts(wigston.get());
		this.transaction.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			for (DemoAlert alert : alerts) {
				Timestamp sent = Timestamp.from(now.minus(alert.ago()));
				Timestamp written = Timestamp.from(now.minus(alert.ago()).minus(Duration.ofHours(2)));
				long id = this.jdbc.queryForObject(
						"""
								insert into alert (title, body, topic, reach, author_id, signature, signature_cy, status, send_at,
								                   published_at, queued_at, recipients, created_at, updated_at)
								values (?, ?, ?, 'NEIGHBOURHOODS', ?, ?, ?, 'SENT', ?, ?, ?, ?, ?, ?) returning id""",
						Long.class, alert.title(), alert.body(), alert.topic().name(), officer.get().id(),
						signature.english(), signature.welsh(), sent, sent, sent, SUBSCRIBERS.size(), written, written);
				this.jdbc.update("insert into alert_neighbourhood (alert_id, neighbourhood_id) values (?, ?)", id,
						neighbourhoodId);
				this.archive.published(id, List.of(neighbourhoodId));
			}
			for (String email : SUBSCRIBERS) {
				Timestamp since = Timestamp.from(now.minus(Duration.ofDays(40)));
				this.jdbc.update(
						"insert into alert_subscriber (email, created_at) values (?, ?) on conflict (email) do nothing",
						email, since);
				this.jdbc.update("""
						insert into alert_subscription (alert_subscriber_id, neighbourhood_id, categories, requested_at,
						                                confirmed_at)
						select id, ?, '{EVERYTHING}', ?, ? from alert_subscriber where email = ?
						on conflict (alert_subscriber_id, neighbourhood_id) do nothing""", neighbourhoodId, since,
						since, email);
			}
		});
		log.info("Demo alerts: {} alerts sent in Wigston and {} subscribers, no emails queued", alerts.size(),
				SUBSCRIBERS.size());
	}

	/** The alerts, oldest first; the first is the beat team's letter. */
	private List<DemoAlert> alerts(NeighbourhoodSummary wigston) {
		String name = wigston.name();
		List<String> beatTeam = this.team.of(wigston.id())
			.stream()
			.filter((member) -> member.role() != Role.SERGEANT)
			.map(DemoAlerts::asSigned)
			.toList();
		String team = beatTeam.isEmpty() ? "" : ", " + joined(beatTeam);
		return List.of(
				new DemoAlert(Duration.ofDays(26).plusHours(5), AlertTopic.GENERAL,
						"Who comes when you call: response officers and your beat team",
						"""
								Dear residents,
								we are your %1$s Beat Team%2$s. Many of you have asked why the officers who came when you \
								called 999 were not the ones you see at our beat surgeries, so here is how it works.

								Response officers answer emergency and urgent calls across the whole of %3$s, day and night. \
								They go from one call to the next and rarely stay in one place for long.

								We are the beat team. We work only in %1$s, on the problems residents tell us matter most: \
								speeding, anti-social behaviour, burglary. We follow them up over weeks and months, with the \
								council and local groups, and we are the people to talk to about anything that keeps \
								happening.

								If something is happening now, call 999. To report a crime that is not an emergency, call 101 \
								or report it online. For anything else, reply to this message: it reaches our inbox and we \
								answer every message.

								Our priorities and meetings are on our page: %4$s

								Best wishes,
								Your %1$s Beat Team"""
							.formatted(name, team, wigston.area().name(), this.site.link("/area/" + wigston.slug()))),
				new DemoAlert(Duration.ofDays(12).plusHours(3), AlertTopic.EVENTS,
						"Beat surgery at the library on Saturday",
						"""
								We are holding a beat surgery at %1$s library this Saturday from 10am to 12 noon.

								Come and tell us what worries you about your street, ask about our priorities, or \
								pick up free crime prevention advice and property marking kits.

								If you cannot make it, reply to this message and we will get back to you."""
							.formatted(name)),
				new DemoAlert(Duration.ofDays(3).plusHours(6), AlertTopic.APPEALS,
						"Appeal: damage to cars on Long Street overnight", """
								Between 11pm on Tuesday and 6am on Wednesday, wing mirrors were broken on six cars \
								parked on Long Street and nearby roads.

								Did you see or hear anything, or do you have a doorbell or dashboard camera that \
								covers the street? Reply to this message, or call 101 quoting "Long Street damage".

								Thank you to everyone who has already been in touch."""));
	}

	/**
	 * "PC 1913 Gareth", as a team signs its letters: like the rest of the demo's letters,
	 * content in English, not wording of the site.
	 */
	private static String asSigned(TeamOnThePage.Member member) {
		String role = switch (member.role()) {
			case PC -> "PC";
			case PCSO -> "PCSO";
			case SERGEANT -> "Sergeant";
			case INSPECTOR -> "Inspector";
			case OTHER -> "";
		};
		String first = member.name().split(" ")[0];
		return String.join(" ",
				java.util.stream.Stream.of(role, member.collarNumber(), first)
					.filter((part) -> part != null && !part.isEmpty())
					.toList());
	}

	private static String joined(List<String> names) {
		if (names.size() == 1) {
			return names.get(0);
		}
		return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
				+ names.get(names.size() - 1);
	}

}
