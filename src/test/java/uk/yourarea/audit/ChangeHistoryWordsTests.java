package uk.yourarea.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.data.domain.Limit;
import org.springframework.ui.ExtendedModelMap;

import uk.yourarea.web.Phrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The history pages and the edit conflict say what a change record keeps as keys in the
 * words of the bundle they are read with, and show a record's English from before V40 as
 * it is.
 */
class ChangeHistoryWordsTests {

	private static final Instant AT = Instant.parse("2026-11-23T14:15:00Z");

	private final ChangeRecordRepository records = mock(ChangeRecordRepository.class);

	private final StaticMessageSource messages = new StaticMessageSource();

	private final ChangeLog changes = new ChangeLog(this.records, mock(ApplicationEventPublisher.class),
			Clock.fixed(AT, ZoneId.of("Europe/London")), this.messages);

	@BeforeEach
	void wordsThatAreNotTheShippedOnes() {
		LocaleContextHolder.setLocale(Locale.UK);
		this.messages.addMessage("audit.history.title.subject", Locale.UK, "History of {0}");
		this.messages.addMessage("audit.history.title.page", Locale.UK, "History of the page");
		this.messages.addMessage("audit.when", Locale.UK, "{0}, {1}");
		this.messages.addMessage("change.action.moved-to", Locale.UK, "Went over to {0}");
		this.messages.addMessage("change.subject.coverage-of", Locale.UK, "Postcodes of {0}");
		this.messages.addMessage("change.field.postcode-of", Locale.UK, "Where {0} is");
		this.messages.addMessage("change.value.given-by-hand", Locale.UK, "{0}, by hand");
		this.messages.addMessage("change.value.no-neighbourhood", Locale.UK, "Nowhere");
		this.messages.addMessage("change.field.status", Locale.UK, "State");
		this.messages.addMessage("change.value.open", Locale.UK, "Still open");
		this.messages.addMessage("change.value.closed", Locale.UK, "All done");
		this.messages.addMessage("audit.conflict.message", Locale.UK, "{0} got there first");
	}

	@AfterEach
	void resetTheLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theHistorySaysTheKeysInTheBundlesWords() {
		ChangeRecord record = new ChangeRecord(
				new Subject("coverage", 3, Phrase.of("change.subject.coverage-of", "Wigston"), 3L),
				Phrase.of("change.action.moved-to", "Oadby"), 1L, "Web Editor", AT,
				List.of(ChangeRecord.FieldChange.of(Phrase.of("change.field.postcode-of", "LE18 1AA"),
						Phrase.of("change.value.no-neighbourhood"),
						Phrase.of("change.value.given-by-hand", "Wigston"))));
		given(this.records.findBySubjectTypeAndSubjectIdOrderByChangedAtDescIdDesc(eq("coverage"), eq(3L), any()))
			.willReturn(List.of(record));

		ExtendedModelMap model = new ExtendedModelMap();
		new ChangeHistoryController(this.changes, this.messages).subject("coverage", 3, model);

		assertThat(model.get("title")).isEqualTo("History of Postcodes of Wigston");
		assertThat(shown(model)).singleElement().satisfies((shown) -> {
			assertThat(shown.action()).isEqualTo("Went over to Oadby");
			assertThat(shown.subjectName()).isEqualTo("Postcodes of Wigston");
			assertThat(shown.when()).isEqualTo("23 November 2026, 2:15pm");
			assertThat(shown.fields()).containsExactly(
					new ChangeHistoryController.ShownField("Where LE18 1AA is", "Nowhere", "Wigston, by hand"));
		});
	}

	@Test
	void englishKeptBeforeV40IsShownAsItIs() {
		ChangeRecord record = new ChangeRecord(new Subject("team-member", 4, "PC 4127 Jordan Ellis", 3L),
				Phrase.stored("Moved to Oadby", (String[]) null), 1L, "Web Editor", AT,
				List.of(new ChangeRecord.FieldChange("Neighbourhood", null, "Wigston", null, "Oadby", null),
						new ChangeRecord.FieldChange("change.field.unknown-one", List.of(), "", null, "x", null)));
		given(this.records.findByNeighbourhoodIdOrderByChangedAtDescIdDesc(anyLong(), any(Limit.class)))
			.willReturn(List.of(record));

		ExtendedModelMap model = new ExtendedModelMap();
		new ChangeHistoryController(this.changes, this.messages).neighbourhoodPage(3, model);

		assertThat(shown(model)).singleElement().satisfies((shown) -> {
			assertThat(shown.action()).isEqualTo("Moved to Oadby");
			assertThat(shown.subjectName()).isEqualTo("PC 4127 Jordan Ellis");
			assertThat(shown.fields()).containsExactly(
					new ChangeHistoryController.ShownField("Neighbourhood", "Wigston", "Oadby"),
					new ChangeHistoryController.ShownField("change.field.unknown-one", "", "x"));
		});
	}

	@Test
	void anEditConflictSaysItsFieldsAndValuesInTheBundlesWords() {
		given(this.records.findFirstBySubjectTypeAndSubjectIdOrderByChangedAtDescIdDesc("priority", 5))
			.willReturn(java.util.Optional.empty());
		Snapshot saved = Snapshot.of().with("change.field.status", Phrase.of("change.value.open")).build();
		Snapshot yours = Snapshot.of().with("change.field.status", Phrase.of("change.value.closed")).build();
		this.messages.addMessage("audit.conflict.someone-else", Locale.UK, "Another person");

		EditConflict conflict = this.changes.conflict("priority", 5, saved, yours);

		assertThat(conflict.differences())
			.containsExactly(new EditConflict.Difference("State", "Still open", "All done"));
		assertThat(conflict.message()).isEqualTo("Another person got there first");
	}

	@SuppressWarnings("unchecked")
	private static List<ChangeHistoryController.Shown> shown(ExtendedModelMap model) {
		return (List<ChangeHistoryController.Shown>) model.get("records");
	}

}
