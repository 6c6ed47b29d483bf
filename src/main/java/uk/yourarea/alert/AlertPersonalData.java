package uk.yourarea.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.personaldata.Erasure;
import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.personaldata.PersonalDataHolder;
import uk.yourarea.personaldata.RetentionProperties;
import uk.yourarea.personaldata.SearchBy;
import uk.yourarea.web.Languages;

/**
 * Alert subscriptions as personal data: an email address, the neighbourhoods it follows,
 * the choices and when each was confirmed. Erasing deletes the person and everything with
 * them; the schedule deletes subscriptions never confirmed. Each is idempotent, so
 * several instances running it at once do no harm.
 */
@Component
class AlertPersonalData implements PersonalDataHolder {

	static final String KIND = "alert-subscription";

	/** A record that staff were shown a neighbourhood's subscriber addresses. */
	static final String LIST_VIEW_KIND = "subscriber-list-view";

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final JdbcTemplate jdbc;

	private final NeighbourhoodDirectory neighbourhoods;

	AlertPersonalData(JdbcTemplate jdbc, NeighbourhoodDirectory neighbourhoods) {
		this.jdbc = jdbc;
		this.neighbourhoods = neighbourhoods;
	}

	@Override
	@Transactional(readOnly = true)
	public List<HeldRecord> find(PersonSearch search) {
		if (search.by() != SearchBy.EMAIL) {
			return List.of();
		}
		Map<Long, HeldRecord.Name> names = new java.util.HashMap<>();
		return this.jdbc.query("""
				select a.id, s.email, s.language, a.neighbourhood_id, a.categories, a.requested_categories,
				       a.requested_at, a.confirmed_at
				from alert_subscription a join alert_subscriber s on s.id = a.alert_subscriber_id
				where s.email = ? order by a.requested_at, a.id""", (row, n) -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("email", row.getString("email"));
			long neighbourhoodId = row.getLong("neighbourhood_id");
			data.put("neighbourhood", names.computeIfAbsent(neighbourhoodId, this::name));
			data.put("choices", choices(AlertSubscriptions.categories(row, "categories")));
			if (row.getArray("requested_categories") != null) {
				data.put("choicesWaitingForConfirmation",
						choices(AlertSubscriptions.categories(row, "requested_categories")));
			}
			Instant requested = row.getTimestamp("requested_at").toInstant();
			data.put("askedForAt", requested);
			Instant confirmed = AlertSubscriptions.instant(row, "confirmed_at");
			data.put("confirmed", confirmed != null);
			if (confirmed != null) {
				data.put("confirmedAt", confirmed);
			}
			return new HeldRecord(KIND, "alert-" + row.getLong("id"), requested, null, null, data,
					row.getString("language"));
		}, search.term());
	}

	/** In English and in Welsh, for the export to show in its language. */
	private HeldRecord.Name name(long neighbourhoodId) {
		return this.neighbourhoods.byId(neighbourhoodId)
			.map((english) -> new HeldRecord.Name(english.name(),
					this.neighbourhoods.byId(neighbourhoodId, Languages.WELSH)
						.map(NeighbourhoodSummary::name)
						.orElse(null)))
			.orElse(new HeldRecord.Name("neighbourhood " + neighbourhoodId, null));
	}

	/** The choices worded as the subscribe form words them. */
	private static List<HeldRecord.Code> choices(Collection<AlertCategory> categories) {
		return categories.stream()
			.map((category) -> new HeldRecord.Code(category.name(), category.labelKey()))
			.toList();
	}

	@Override
	@Transactional
	public Erasure erase(PersonSearch search, Instant at) {
		if (search.by() != SearchBy.EMAIL) {
			return Erasure.NOTHING;
		}
		List<String> erased = this.jdbc.queryForList("""
				select a.id from alert_subscription a join alert_subscriber s on s.id = a.alert_subscriber_id
				where s.email = ? order by a.id""", Long.class, search.term())
			.stream()
			.map((id) -> "alert-" + id)
			.toList();
		this.jdbc.update("delete from alert_subscriber where email = ?", search.term());
		return new Erasure(erased, List.of());
	}

	@Override
	@Transactional
	public Map<String, Integer> applyRetention(RetentionProperties retention, Instant now) {
		Timestamp cutoff = Timestamp.from(now.minus(retention.unconfirmed()));
		int deleted = this.jdbc
			.update("delete from alert_subscription where confirmed_at is null and requested_at <= ?", cutoff);
		// New choices for a confirmed subscription that were never confirmed: the old
		// stay.
		this.jdbc.update("""
				update alert_subscription set requested_categories = null, confirmation_token_hash = null
				where confirmed_at is not null and requested_categories is not null and requested_at <= ?""", cutoff);
		this.jdbc.update("""
				delete from alert_subscriber s where s.created_at <= ?
				and not exists (select 1 from alert_subscription a where a.alert_subscriber_id = s.id)""", cutoff);
		// Which member of staff was shown whose neighbourhood's addresses is an access
		// record, kept as long as the security log that records it too.
		int views = this.jdbc.update("delete from alert_subscriber_list_view where viewed_at < ?",
				Timestamp.from(now.atZone(LONDON).minus(retention.securityEvents()).toInstant()));
		return Map.of(KIND, deleted, LIST_VIEW_KIND, views);
	}

}
