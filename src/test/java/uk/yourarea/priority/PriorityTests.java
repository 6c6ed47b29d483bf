package uk.yourarea.priority;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PriorityTests {

	private static final LocalDate RAISED = LocalDate.of(2026, 9, 1);

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@Test
	void theWelshIsForWelshReadersAndTheEnglishForEveryoneElseAndWhereThereIsNoWelsh() throws Exception {
		Priority priority = saved(new Priority(1L, "Speeding", "Goryrru", RAISED));
		PriorityUpdate welsh = priority.addUpdate("Speed checks", "Gwiriadau cyflymder", RAISED, "PC Ellis", NOW);
		PriorityUpdate english = priority.addUpdate("Patrols", " ", RAISED, "PC Ellis", NOW);

		assertThat(priority.issueIn(Languages.WELSH)).isEqualTo("Goryrru");
		assertThat(priority.issueIn(Languages.ENGLISH)).isEqualTo("Speeding");
		assertThat(welsh.textIn(Languages.WELSH)).isEqualTo("Gwiriadau cyflymder");
		assertThat(welsh.textIn(Languages.ENGLISH)).isEqualTo("Speed checks");
		assertThat(english.getTextCy()).as("blank Welsh is no Welsh").isNull();
		assertThat(english.textIn(Languages.WELSH)).isEqualTo("Patrols");

		priority.reword("Speeding cars", "");
		assertThat(priority.getIssueCy()).isNull();
		assertThat(priority.issueIn(Languages.WELSH)).isEqualTo("Speeding cars");
		assertThat(priority.outcomeIn(Languages.WELSH)).isNull();

		priority.close("Fewer speeding cars", "Llai o geir yn goryrru", LocalDate.of(2026, 11, 23));
		assertThat(priority.outcomeIn(Languages.WELSH)).isEqualTo("Llai o geir yn goryrru");
		assertThat(priority.outcomeIn(Languages.ENGLISH)).isEqualTo("Fewer speeding cars");
	}

	@Test
	void anUpdateMovesTheLastUpdatedDateForwardButNeverBack() throws Exception {
		Priority priority = saved(new Priority(1L, "Speeding", RAISED));

		priority.addUpdate("Speed checks", LocalDate.of(2026, 10, 1), "PC Ellis", NOW);
		PriorityUpdate backdated = priority.addUpdate("Earlier visit", LocalDate.of(2026, 9, 15), "PC Ellis", NOW);

		assertThat(priority.getUpdatedOn()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(backdated.getPriorityId()).isEqualTo(7L);
		assertThat(backdated.getWrittenOn()).isEqualTo(LocalDate.of(2026, 9, 15));
	}

	@Test
	void refusesAnUpdateDatedBeforeThePriorityWasRaised() throws Exception {
		Priority priority = saved(new Priority(1L, "Speeding", RAISED));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> priority.addUpdate("Too early", RAISED.minusDays(1), "PC Ellis", NOW));
	}

	@Test
	void closingRecordsTheOutcomeAndStopsUpdates() throws Exception {
		Priority priority = saved(new Priority(1L, "Speeding", RAISED));

		priority.close("Average speeds are down", LocalDate.of(2026, 11, 23));

		assertThat(priority.isOpen()).isFalse();
		assertThat(priority.getOutcome()).isEqualTo("Average speeds are down");
		assertThat(priority.getClosedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(priority.isStale(LocalDate.of(2027, 6, 1))).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> priority.addUpdate("More", RAISED, "PC Ellis", NOW));
		assertThatIllegalStateException().isThrownBy(() -> priority.close("Again", LocalDate.of(2026, 11, 24)));
	}

	@Test
	void refusesToCloseWithoutAnOutcome() throws Exception {
		Priority priority = saved(new Priority(1L, "Speeding", RAISED));

		assertThatIllegalArgumentException().isThrownBy(() -> priority.close("  ", LocalDate.of(2026, 11, 23)));
		assertThat(priority.isOpen()).isTrue();
	}

	@Test
	void isStaleAfterThreeMonthsWithoutAnUpdate() throws Exception {
		Priority priority = saved(new Priority(1L, "Speeding", RAISED));

		assertThat(priority.isStale(RAISED.plusMonths(3))).isFalse();
		assertThat(priority.isStale(RAISED.plusMonths(3).plusDays(1))).isTrue();
	}

	private static Priority saved(Priority priority) throws Exception {
		Field id = Priority.class.getDeclaredField("id");
		id.setAccessible(true);
		id.set(priority, 7L);
		return priority;
	}

}
