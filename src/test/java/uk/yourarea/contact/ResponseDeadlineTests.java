package uk.yourarea.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseDeadlineTests {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), UK);

	private final BankHolidays bankHolidays = new BankHolidays();

	private final ResponseDeadline calendar = new ResponseDeadline(
			new ResponsePolicy(ResponsePolicy.Kind.CALENDAR_HOURS, 72, 3), this.bankHolidays, CLOCK);

	private final ResponseDeadline workingDays = new ResponseDeadline(
			new ResponsePolicy(ResponsePolicy.Kind.WORKING_DAYS, 72, 3), this.bankHolidays, CLOCK);

	@Test
	void calendarHoursCountEveryHourIncludingWeekends() {
		assertThat(local(this.calendar.from(at("2026-11-20T16:30")).at())).isEqualTo("2026-11-23T16:30");
		assertThat(this.calendar.from(at("2026-11-20T16:30")).explanation()).contains("72 hours");
	}

	@Test
	void seventyTwoHoursAreRealHoursAcrossTheClockChanges() {
		// Clocks go forward at 1am on Sunday 29 March 2026: 72 real hours end an hour
		// later on the clock.
		assertThat(local(this.calendar.from(at("2026-03-27T12:00")).at())).isEqualTo("2026-03-30T13:00");
		// Clocks go back at 2am on Sunday 25 October 2026: 72 real hours end an hour
		// earlier on the clock.
		assertThat(local(this.calendar.from(at("2026-10-23T12:00")).at())).isEqualTo("2026-10-26T11:00");
	}

	@Test
	void workingDaysSkipTheWeekend() {
		assertThat(local(this.workingDays.from(at("2026-11-20T16:30")).at())).as("Friday to Wednesday")
			.isEqualTo("2026-11-25T16:30");
		assertThat(local(this.workingDays.from(at("2026-11-23T09:15")).at())).as("Monday to Thursday")
			.isEqualTo("2026-11-26T09:15");
	}

	@Test
	void aMessageSentAtTheWeekendCountsFromMondayMorning() {
		assertThat(local(this.workingDays.from(at("2026-11-21T22:00")).at())).isEqualTo("2026-11-26T00:00");
	}

	@Test
	void workingDaysSkipBankHolidays() {
		// Christmas Day (Friday) and Boxing Day's substitute (Monday 28 December) do not
		// count.
		assertThat(local(this.workingDays.from(at("2026-12-24T10:00")).at())).isEqualTo("2026-12-31T10:00");
		// Easter 2027: Good Friday 26 March and Easter Monday 29 March.
		assertThat(local(this.workingDays.from(at("2027-03-25T14:00")).at())).isEqualTo("2027-04-01T14:00");
		assertThat(this.workingDays.from(at("2027-03-25T14:00")).explanation()).contains("3 working days")
			.contains("bank holidays");
	}

	@Test
	void workingDaysKeepTheLocalTimeAcrossTheClockChange() {
		assertThat(local(this.workingDays.from(at("2026-03-27T12:00")).at())).isEqualTo("2026-04-01T12:00");
	}

	@Test
	void theBankHolidayFileCoversTwentyTwentyFiveToTwentyTwentyEight() {
		assertThat(this.bankHolidays.knownUntil().getYear()).isGreaterThanOrEqualTo(2028);
		assertThat(this.bankHolidays.isWorkingDay(java.time.LocalDate.parse("2025-04-18"))).isFalse();
		assertThat(this.bankHolidays.isWorkingDay(java.time.LocalDate.parse("2028-01-03"))).isFalse();
		assertThat(this.bankHolidays.isWorkingDay(java.time.LocalDate.parse("2028-01-04"))).isTrue();
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(UK).toInstant();
	}

	private static String local(Instant instant) {
		return ZonedDateTime.ofInstant(instant, UK).toLocalDateTime().toString();
	}

}
