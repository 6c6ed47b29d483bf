package uk.yourarea.admin;

import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.contact.ResponseRecord;
import uk.yourarea.contact.ResponseRecords;
import uk.yourarea.event.UpcomingEvents;
import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.neighbourhood.PublicNeighbourhoods.Listed;
import uk.yourarea.priority.PriorityFreshness;
import uk.yourarea.priority.PriorityFreshness.Freshness;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffScope;
import uk.yourarea.station.StationSchedules;
import uk.yourarea.team.NamedOfficers;
import uk.yourarea.team.NamedOfficers.NamedOfficer;
import uk.yourarea.team.TeamOnThePage;
import uk.yourarea.web.SiteProperties;

/**
 * Where each neighbourhood meets the Neighbourhood Policing Guarantee and where it falls
 * short, measured from the site's own data at the time of asking. Six measures, in the
 * order of {@link Measure}; see {@code docs/guarantee.md} for exactly what each counts.
 */
@Service
public class GuaranteeReport {

	/** The measures, in the order they are shown. */
	public enum Measure {

		NAMED_OFFICER("admin.guarantee.measure.named-officer"),
		CONTACTABLE_ONLINE("admin.guarantee.measure.contactable-online"),
		CONFIRMED("admin.guarantee.measure.confirmed"), PRIORITIES("admin.guarantee.measure.priorities"),
		EVENT("admin.guarantee.measure.event"), REPLIES("admin.guarantee.measure.replies");

		private final String messageKey;

		Measure(String messageKey) {
			this.messageKey = messageKey;
		}

		/**
		 * The bundle's stem of the measure's words: {@code .heading} for the table,
		 * {@code .meaning} to complete "N of M neighbourhoods …".
		 */
		public String messageKey() {
			return this.messageKey;
		}

	}

	/**
	 * One measure for one neighbourhood.
	 *
	 * @param detail what was found ("PC 4127 Jordan Ellis", "Not updated since 3 May
	 * 2026")
	 * @param fixHref the page that fixes a shortfall, or {@code null} when the person
	 * looking cannot fix it themselves
	 * @param fixText the link's words, naming the neighbourhood for screen readers
	 */
	public record Check(Measure measure, boolean met, String detail, @Nullable String fixHref,
			@Nullable String fixText) {
	}

	public record Row(long neighbourhoodId, String code, String name, String slug, long areaId, String areaName,
			List<Check> checks, Facts facts) {

		public boolean allMet() {
			return this.checks.stream().allMatch(Check::met);
		}

		public Check check(Measure measure) {
			return this.checks.get(measure.ordinal());
		}

	}

	/** The raw figures behind the checks, for the CSV download. */
	public record Facts(@Nullable String namedOfficer, @Nullable String namedOfficerRole,
			@Nullable LocalDate confirmedOn, int accountsAnswering, int openPriorities, int stalePriorities,
			@Nullable LocalDate oldestPriorityUpdate, @Nullable Instant nextEvent, ResponseRecord replies) {
	}

	/** "N of M neighbourhoods …" for one measure. */
	public record Total(Measure measure, int met, int of) {
	}

	public record Area(long id, String name) {
	}

	/**
	 * The report; {@code welsh} is {@code null} when the site does not offer Welsh.
	 */
	public record Report(LocalDate asOf, List<Row> rows, List<Total> totals, int allMet, ResponseRecord forceReplies,
			@Nullable WelshGaps welsh) {
	}

	/** What part of a neighbourhood's public text has no Welsh version. */
	public enum WelshPart {

		DESCRIPTION("admin.guarantee.welsh.part.description"), BIOS("admin.guarantee.welsh.part.bios"),
		STATIONS("admin.guarantee.welsh.part.stations");

		private final String messageKey;

		WelshPart(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

	/**
	 * A neighbourhood whose public text lacks Welsh: what lacks it, and the page that
	 * fixes it where the person looking can ({@code null} otherwise).
	 */
	public record WelshGap(long neighbourhoodId, String name, List<WelshPart> parts, @Nullable String fixHref) {
	}

	/**
	 * For a site that offers Welsh: how many of the neighbourhoods shown have public text
	 * with no Welsh version, and which. Public text is what staff write that residents
	 * read on the neighbourhood's page: its description, its team members' bios and the
	 * names of the stations and hubs serving it. Any of those written in English without
	 * a Welsh version counts (a Welsh page then shows the English).
	 */
	public record WelshGaps(int missing, int of, List<WelshGap> gaps) {
	}

	/**
	 * What the person looking at the report may fix, so that only working links are
	 * shown.
	 */
	public record Viewer(boolean editsEverything, java.util.Set<Long> editsPrioritiesAndEventsOf,
			java.util.Set<Long> readsMessagesOf, boolean managesAccounts) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final PublicNeighbourhoods neighbourhoods;

	private final NamedOfficers namedOfficers;

	private final StaffScope staffScope;

	private final PriorityFreshness priorityFreshness;

	private final UpcomingEvents upcomingEvents;

	private final ResponseRecords responseRecords;

	private final Clock clock;

	private final MessageSource messages;

	private final Collator aToZ = Collator.getInstance(Locale.UK);

	private final TeamOnThePage teams;

	private final StationSchedules stations;

	private final SiteProperties site;

	GuaranteeReport(PublicNeighbourhoods neighbourhoods, NamedOfficers namedOfficers, StaffScope staffScope,
			PriorityFreshness priorityFreshness, UpcomingEvents upcomingEvents, ResponseRecords responseRecords,
			Clock clock, MessageSource messages, TeamOnThePage teams, StationSchedules stations, SiteProperties site) {
		this.teams = teams;
		this.stations = stations;
		this.site = site;
		this.neighbourhoods = neighbourhoods;
		this.namedOfficers = namedOfficers;
		this.staffScope = staffScope;
		this.priorityFreshness = priorityFreshness;
		this.upcomingEvents = upcomingEvents;
		this.responseRecords = responseRecords;
		this.clock = clock;
		this.messages = messages;
	}

	/** The local policing areas that have neighbourhoods, A to Z, for the filter. */
	@Transactional(readOnly = true)
	public List<Area> areas() {
		List<Area> areas = new ArrayList<>(this.neighbourhoods.areasWithNeighbourhoods()
			.stream()
			.map((area) -> new Area(area.id(), area.name()))
			.toList());
		areas.sort(Comparator.comparing(Area::name, this.aToZ));
		return areas;
	}

	/**
	 * The report for every neighbourhood, or those of one local policing area, ordered by
	 * area then name. Each feature answers for its own part: the neighbourhoods, their
	 * named officers, who answers their messages, their priorities, events and replies.
	 */
	@Transactional(readOnly = true)
	public Report report(@Nullable Long areaId, Viewer viewer) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		Instant inThreeMonths = now.atZone(this.clock.getZone()).plusMonths(3).toInstant();
		List<Listed> shown = (areaId == null) ? this.neighbourhoods.all() : this.neighbourhoods.inArea(areaId);
		List<Long> ids = shown.stream().map(Listed::id).toList();
		Sources sources = new Sources(this.namedOfficers.byNeighbourhood(), this.staffScope.workingInEach(ids),
				this.priorityFreshness.byNeighbourhoodAsOf(today),
				this.upcomingEvents.firstStartByNeighbourhood(now, inThreeMonths),
				this.responseRecords.byNeighbourhoodAsOf(now));
		List<Row> rows = new ArrayList<>();
		for (Listed neighbourhood : shown) {
			rows.add(row(neighbourhood, sources, today, viewer));
		}
		rows.sort(Comparator.comparing(Row::areaName, this.aToZ).thenComparing(Row::name, this.aToZ));
		List<Total> totals = new ArrayList<>();
		for (Measure measure : Measure.values()) {
			int met = (int) rows.stream().filter((row) -> row.check(measure).met()).count();
			totals.add(new Total(measure, met, rows.size()));
		}
		int allMet = (int) rows.stream().filter(Row::allMet).count();
		WelshGaps welsh = this.site.offersWelsh() ? welshGaps(rows, viewer) : null;
		return new Report(today, rows, totals, allMet, this.responseRecords.forceWideAsOf(now), welsh);
	}

	/** The neighbourhoods among the rows whose public text lacks Welsh, in row order. */
	private WelshGaps welshGaps(List<Row> rows, Viewer viewer) {
		java.util.Set<Long> descriptions = this.neighbourhoods.withoutWelshDescription();
		java.util.Set<Long> bios = this.teams.withBiosWithoutWelsh();
		java.util.Set<Long> stationNames = this.stations.servedByStationsWithoutWelshNames();
		List<WelshGap> gaps = new ArrayList<>();
		for (Row row : rows) {
			List<WelshPart> parts = new ArrayList<>();
			if (descriptions.contains(row.neighbourhoodId())) {
				parts.add(WelshPart.DESCRIPTION);
			}
			if (bios.contains(row.neighbourhoodId())) {
				parts.add(WelshPart.BIOS);
			}
			if (stationNames.contains(row.neighbourhoodId())) {
				parts.add(WelshPart.STATIONS);
			}
			if (!parts.isEmpty()) {
				gaps.add(new WelshGap(row.neighbourhoodId(), row.name(), List.copyOf(parts),
						viewer.editsEverything() ? "/staff/neighbourhoods/" + row.neighbourhoodId() : null));
			}
		}
		return new WelshGaps(gaps.size(), rows.size(), List.copyOf(gaps));
	}

	/** What the other features said, by neighbourhood id. */
	private record Sources(Map<Long, NamedOfficer> officers, Map<Long, List<StaffAccounts.Colleague>> answering,
			Map<Long, Freshness> priorities, Map<Long, Instant> nextEvents, Map<Long, ResponseRecord> replies) {
	}

	private Row row(Listed neighbourhood, Sources sources, LocalDate today, Viewer viewer) {
		long id = neighbourhood.id();
		String name = neighbourhood.name();
		NamedOfficer officer = sources.officers().get(id);
		String officerName = (officer == null) ? null : officer.name();
		String role = (officer == null) ? null : officer.role();
		String collar = (officer == null) ? null : officer.collarNumber();
		LocalDate confirmedOn = (officer == null) ? null : officer.confirmedOn();
		int answering = sources.answering().getOrDefault(id, List.of()).size();
		Freshness priorities = sources.priorities().getOrDefault(id, Freshness.NONE);
		int open = priorities.open();
		int stale = priorities.stale();
		Instant next = sources.nextEvents().get(id);
		ResponseRecord record = sources.replies().getOrDefault(id, ResponseRecord.NONE);
		Facts facts = new Facts(officerName, role, confirmedOn, answering, open, stale, priorities.oldestUpdate(), next,
				record);

		String team = viewer.editsEverything() ? "/staff/neighbourhoods/" + id + "/team" : null;
		boolean editsContent = viewer.editsEverything() || viewer.editsPrioritiesAndEventsOf().contains(id);
		String prioritiesHref = editsContent ? "/staff/neighbourhoods/" + id + "/priorities" : null;
		String events = editsContent ? "/staff/neighbourhoods/" + id + "/events/new" : null;
		String inbox = viewer.readsMessagesOf().contains(id) ? "/staff/inbox?neighbourhood=" + id : null;
		String accounts = viewer.managesAccounts() ? "/staff/admin/accounts" : null;

		boolean hasOfficer = officerName != null && ("PC".equals(role) || "PCSO".equals(role));
		String titled = hasOfficer ? titled(role, collar, officerName) : null;
		List<Check> checks = new ArrayList<>();
		checks.add(hasOfficer ? met(Measure.NAMED_OFFICER, titled) : shortfall(Measure.NAMED_OFFICER,
				text("admin.guarantee.named-officer.none"), team, text("admin.guarantee.named-officer.fix", name)));
		checks.add((answering > 0)
				? met(Measure.CONTACTABLE_ONLINE,
						(answering == 1) ? text("admin.guarantee.contactable.one")
								: text("admin.guarantee.contactable.many", String.valueOf(answering)))
				: shortfall(Measure.CONTACTABLE_ONLINE, text("admin.guarantee.contactable.nobody"), accounts,
						text("admin.guarantee.contactable.fix", name)));
		boolean confirmedRecently = hasOfficer && confirmedOn != null
				&& !confirmedOn.isBefore(today.minusMonths(NamedOfficers.CONFIRMATION_MONTHS));
		checks.add(confirmedRecently
				? met(Measure.CONFIRMED, text("admin.guarantee.confirmed.on", DAY.format(confirmedOn)))
				: shortfall(Measure.CONFIRMED,
						!hasOfficer ? text("admin.guarantee.confirmed.no-officer")
								: (confirmedOn == null) ? text("admin.guarantee.confirmed.never")
										: text("admin.guarantee.confirmed.last", DAY.format(confirmedOn)),
						team, text("admin.guarantee.confirmed.fix", name)));
		boolean prioritiesCurrent = open > 0 && stale == 0;
		checks.add(prioritiesCurrent
				? met(Measure.PRIORITIES,
						(open == 1) ? text("admin.guarantee.priorities.one")
								: text("admin.guarantee.priorities.many", String.valueOf(open)))
				: shortfall(Measure.PRIORITIES,
						(open == 0) ? text("admin.guarantee.priorities.none")
								: text("admin.guarantee.priorities.stale", String.valueOf(stale), String.valueOf(open),
										DAY.format(facts.oldestPriorityUpdate())),
						prioritiesHref, text("admin.guarantee.priorities.fix", name)));
		checks.add((next != null) ? met(Measure.EVENT, DAY.format(next.atZone(this.clock.getZone()))) : shortfall(
				Measure.EVENT, text("admin.guarantee.event.none"), events, text("admin.guarantee.event.fix", name)));
		checks.add(repliesCheck(record, inbox, name));
		return new Row(id, neighbourhood.code(), name, neighbourhood.slug(), neighbourhood.area().id(),
				neighbourhood.area().name(), List.copyOf(checks), facts);
	}

	private Check repliesCheck(ResponseRecord record, @Nullable String inbox, String name) {
		if (record.received() == 0) {
			return met(Measure.REPLIES, text("admin.guarantee.replies.none"));
		}
		String repliedOnTime = String.valueOf(record.repliedOnTime());
		String decided = String.valueOf(record.decided());
		String waiting = String.valueOf(record.waiting());
		Integer percent = record.percentOnTime();
		String detail = (percent == null) ? text("admin.guarantee.replies.none-due", waiting)
				: (record.waiting() > 0)
						? text("admin.guarantee.replies.on-time-and-waiting", repliedOnTime, decided,
								String.valueOf(percent), waiting)
						: text("admin.guarantee.replies.on-time", repliedOnTime, decided, String.valueOf(percent));
		return (record.late() == 0) ? met(Measure.REPLIES, detail)
				: shortfall(Measure.REPLIES, detail, inbox, text("admin.guarantee.replies.fix", name));
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	private static Check met(Measure measure, String detail) {
		return new Check(measure, true, detail, null, null);
	}

	private static Check shortfall(Measure measure, String detail, @Nullable String fixHref, String fixText) {
		return new Check(measure, false, detail, fixHref, (fixHref == null) ? null : fixText);
	}

	private static String titled(String role, @Nullable String collar, String name) {
		return role + " " + ((collar == null) ? "" : collar + " ") + name;
	}

}
