package uk.yourarea.area;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.yourarea.consultation.ConsultationSummaries.AreaSummary;
import uk.yourarea.contact.ResponseRecord;
import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.team.TeamOnThePage;
import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;

/** Everything the Your Area page of one neighbourhood shows, read in one go. */
public record AreaView(PublicNeighbourhoods.Details neighbourhood, TeamOnThePage.@Nullable Member namedOfficer,
		List<TeamOnThePage.Member> team, List<PriorityView> priorities, List<PriorityView> done, List<EventView> events,
		List<StationView> stations, LocalDate today, AreaSummary consultation, ResponseRecord replies,
		List<AlertView> alerts) {

	/** One of the team's latest alerts: its title, and the day it was sent. */
	public record AlertView(long id, TextIn title, LocalDate sentOn) {
	}

	/**
	 * A priority: open ones with their updates, newest first; closed ones (under "What we
	 * have done") with their outcome.
	 */
	/**
	 * A priority as its public timeline reads: "You said" (where it came from, when the
	 * team recorded it), "We did" (dated updates, newest first), then the outcome once
	 * closed.
	 */
	public record PriorityView(TextIn issue, LocalDate raisedOn, LocalDate updatedOn, List<UpdateView> updates,
			@Nullable TextIn outcome, @Nullable LocalDate closedOn, @Nullable String youSaid) {
	}

	public record UpdateView(LocalDate writtenOn, TextIn text) {
	}

	public record EventView(TextIn title, String type, @Nullable TextIn description, String address, String when,
			String startsAt, boolean cancelled, @Nullable String cancellationReason) {
	}

	/**
	 * A station as read when the page was cached: its usual hours (Monday first) and its
	 * exceptions from the day it was read until {@link AreaPages#EXCEPTIONS_AHEAD} days
	 * later. What "today" means is worked out when the page is shown ({@link #on}), so a
	 * page cached before midnight is still right after it. The name and address are in
	 * the page's language where the station has a version in it; {@code nameLang} and
	 * {@code addressLang} say the language of one that is not ({@code en} on a Welsh
	 * page), else are {@code null}.
	 */
	public record StationView(String name, String kind, String address, String postcode, boolean frontCounter,
			List<String> usualHours, Set<DayOfWeek> closedDays, List<ExceptionView> exceptions,
			@Nullable String nameLang, @Nullable String addressLang) {

		public StationView(String name, String kind, String address, String postcode, boolean frontCounter,
				List<String> usualHours, Set<DayOfWeek> closedDays, List<ExceptionView> exceptions) {
			this(name, kind, address, postcode, frontCounter, usualHours, closedDays, exceptions, null, null);
		}

		/** What the page shows on the given day. */
		public StationDay on(LocalDate today) {
			ExceptionView exception = this.exceptions.stream()
				.filter((candidate) -> candidate.date().equals(today))
				.findFirst()
				.orElse(null);
			String headlineKey;
			String hours;
			String reason = null;
			if (exception != null) {
				hours = exception.hours();
				reason = exception.reason();
				if (exception.closed()) {
					headlineKey = (reason != null) ? "area.stations.closed-today-because"
							: "area.stations.closed-today";
				}
				else {
					headlineKey = (reason != null) ? "area.stations.open-today-because" : "area.stations.open-today";
				}
			}
			else {
				hours = this.usualHours.get(today.getDayOfWeek().getValue() - 1);
				headlineKey = this.closedDays.contains(today.getDayOfWeek()) ? "area.stations.closed-today"
						: "area.stations.open-today";
			}
			Locale language = Languages.current();
			List<DayHours> week = new ArrayList<>();
			for (DayOfWeek day : DayOfWeek.values()) {
				week.add(new DayHours(day.getDisplayName(TextStyle.FULL, language),
						this.usualHours.get(day.getValue() - 1), day == today.getDayOfWeek()));
			}
			LocalDate last = today.plusDays(AreaPages.EXCEPTIONS_SHOWN_DAYS);
			List<UpcomingChange> upcoming = this.exceptions.stream()
				.filter((candidate) -> !candidate.date().isBefore(today) && !candidate.date().isAfter(last))
				.map((candidate) -> new UpcomingChange(UPCOMING_DAY.withLocale(language).format(candidate.date()),
						candidate.date().toString(), candidate.describe(), candidate.date().equals(today)))
				.toList();
			return new StationDay(headlineKey, hours, reason, exception != null, week, upcoming);
		}

	}

	/** A day a station is closed or open at other hours than usual. */
	public record ExceptionView(LocalDate date, String hours, @Nullable String reason, boolean closed) {

		String describe() {
			return (this.reason != null) ? this.hours + " (" + this.reason + ")" : this.hours;
		}

	}

	/**
	 * A station on one day: the key of its headline ("Open today: 8am to 6pm", "Closed
	 * today (bank holiday)") with the hours and reason it reads, whether today is not as
	 * usual, the usual week and the changes to it in the next 14 days. Day names are in
	 * the request's language.
	 */
	public record StationDay(String headlineKey, String hoursToday, @Nullable String reasonToday, boolean unusualToday,
			List<DayHours> week, List<UpcomingChange> upcoming) {
	}

	public record UpcomingChange(String day, String date, String hours, boolean today) {
	}

	public record DayHours(String day, String hours, boolean today) {
	}

	private static final DateTimeFormatter UPCOMING_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM");

}
