package uk.yourarea.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.NotFoundException;

/**
 * The subscribers of the neighbourhoods a member of staff may write to: how many, and by
 * what they chose, for everyone who writes alerts; their email addresses only for web
 * editors and administrators, one neighbourhood at a time, and every such view recorded
 * (who, when, which neighbourhood, how many addresses).
 */
@Service
class AlertSubscriberList {

	private static final Logger log = LoggerFactory.getLogger(AlertSubscriberList.class);

	static final int VIEWS_SHOWN = 50;

	private final JdbcTemplate jdbc;

	private final AlertAccess access;

	private final Clock clock;

	AlertSubscriberList(JdbcTemplate jdbc, AlertAccess access, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.clock = clock;
	}

	/** One neighbourhood's confirmed subscribers: in all, and by choice. */
	record Counts(NeighbourhoodSummary neighbourhood, int total, Map<AlertCategory, Integer> byCategory) {

		public int of(String category) {
			return this.byCategory.getOrDefault(AlertCategory.valueOf(category), 0);
		}

	}

	/** One confirmed subscriber of a neighbourhood. */
	record Address(String email, Set<AlertCategory> categories, Instant confirmedAt) {
	}

	/** One view of a neighbourhood's addresses. */
	record View(String staffName, long neighbourhoodId, int addressesShown, Instant viewedAt) {
	}

	/** The counts of each neighbourhood this member of staff may write to. */
	@Transactional(readOnly = true)
	List<Counts> counts(StaffUser user) {
		List<NeighbourhoodSummary> neighbourhoods = this.access.targetsOf(user).neighbourhoods();
		if (neighbourhoods.isEmpty()) {
			return List.of();
		}
		String ids = "{" + String.join(",", neighbourhoods.stream().map((n) -> String.valueOf(n.id())).toList()) + "}";
		Map<Long, Integer> totals = new HashMap<>();
		this.jdbc.query("""
				select neighbourhood_id, count(*) as subscribers from alert_subscription
				where confirmed_at is not null and neighbourhood_id = any (?::bigint[])
				group by neighbourhood_id""",
				(RowCallbackHandler) (row) -> totals.put(row.getLong("neighbourhood_id"), row.getInt("subscribers")),
				ids);
		Map<Long, Map<AlertCategory, Integer>> byCategory = new HashMap<>();
		this.jdbc.query("""
				select s.neighbourhood_id, c.category, count(*) as subscribers
				from alert_subscription s cross join unnest(s.categories) as c(category)
				where s.confirmed_at is not null and s.neighbourhood_id = any (?::bigint[])
				group by s.neighbourhood_id, c.category""",
				(RowCallbackHandler) (row) -> byCategory
					.computeIfAbsent(row.getLong("neighbourhood_id"), (id) -> new EnumMap<>(AlertCategory.class))
					.put(AlertCategory.valueOf(row.getString("category")), row.getInt("subscribers")),
				ids);
		List<Counts> counts = new ArrayList<>();
		for (NeighbourhoodSummary neighbourhood : neighbourhoods) {
			counts.add(new Counts(neighbourhood, totals.getOrDefault(neighbourhood.id(), 0),
					byCategory.getOrDefault(neighbourhood.id(), Map.of())));
		}
		return counts;
	}

	/**
	 * The confirmed subscribers of one neighbourhood, A to Z, for a web editor or
	 * administrator (anyone else: a 404), recorded as seen by them.
	 */
	@Transactional
	List<Address> addresses(StaffUser user, NeighbourhoodSummary neighbourhood) {
		if (!AlertAccess.writesEverywhere(user)) {
			throw new NotFoundException("Only web editors and administrators see subscribers' addresses");
		}
		List<Address> addresses = this.jdbc.query(
				"""
						select b.email, s.categories, s.confirmed_at
						from alert_subscription s join alert_subscriber b on b.id = s.alert_subscriber_id
						where s.confirmed_at is not null and s.neighbourhood_id = ?
						order by b.email""", (row, n) -> new Address(row.getString("email"),
						AlertSubscriptions.categories(row, "categories"), row.getTimestamp("confirmed_at").toInstant()),
				neighbourhood.id());
		this.jdbc.update("""
				insert into alert_subscriber_list_view
				    (staff_account_id, staff_name, neighbourhood_id, addresses_shown, viewed_at)
				values (?, ?, ?, ?, ?)""", user.id(), user.name(), neighbourhood.id(), addresses.size(),
				Timestamp.from(this.clock.instant()));
		log.info("Staff account {} was shown the {} subscriber addresses of neighbourhood {}", user.id(),
				addresses.size(), neighbourhood.code());
		return addresses;
	}

	/** The latest views of addresses, for web editors and administrators only. */
	@Transactional(readOnly = true)
	List<View> recentViews(StaffUser user) {
		if (!AlertAccess.writesEverywhere(user)) {
			return List.of();
		}
		return this.jdbc.query("""
				select staff_name, neighbourhood_id, addresses_shown, viewed_at from alert_subscriber_list_view
				order by viewed_at desc, id desc limit ?""",
				(row, n) -> new View(row.getString("staff_name"), row.getLong("neighbourhood_id"),
						row.getInt("addresses_shown"), row.getTimestamp("viewed_at").toInstant()),
				VIEWS_SHOWN);
	}

}
