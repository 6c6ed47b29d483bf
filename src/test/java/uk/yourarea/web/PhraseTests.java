package uk.yourarea.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phrase kept in the database is put into words by the bundle of the day it is read: a
 * key with its arguments, text as it is, or, for a key the bundle does not have, the
 * key's own text rather than an error.
 */
class PhraseTests {

	private final StaticMessageSource messages = new StaticMessageSource();

	PhraseTests() {
		this.messages.addMessage("change.action.moved-to", Locale.UK, "Moved to {0}");
		this.messages.addMessage("change.value.yes", Locale.UK, "Yes");
	}

	@Test
	void aKeyIsSaidInTheBundlesWordsWithItsArguments() {
		assertThat(Phrase.of("change.action.moved-to", "Oadby").in(this.messages, Locale.UK))
			.isEqualTo("Moved to Oadby");
		this.messages.addMessage("change.action.moved-to", Locale.UK, "Now in {0}");
		assertThat(Phrase.of("change.action.moved-to", "Oadby").in(this.messages, Locale.UK))
			.as("the wording of the day it is read")
			.isEqualTo("Now in Oadby");
		assertThat(Phrase.of("change.value.yes").in(this.messages, Locale.UK)).isEqualTo("Yes");
	}

	@Test
	void textAsItIsIsNeverLookedUp() {
		assertThat(Phrase.asIs("change.value.yes").in(this.messages, Locale.UK)).isEqualTo("change.value.yes");
		assertThat(Phrase.asIs("  Speeding on Long Street ").in(this.messages, Locale.UK))
			.isEqualTo("Speeding on Long Street");
		assertThat(Phrase.asIs(null).isEmpty()).isTrue();
		assertThat(Phrase.asIs(" ")).isEqualTo(Phrase.asIs(""));
	}

	@Test
	void aKeyTheBundleDoesNotHaveShowsItsOwnTextUnformatted() {
		assertThat(Phrase.stored("Moved to Wigston", new String[0]).in(this.messages, Locale.UK))
			.isEqualTo("Moved to Wigston");
		assertThat(Phrase.stored("It's {0} o'clock", new String[] { "ten" }).in(this.messages, Locale.UK))
			.as("not put through MessageFormat")
			.isEqualTo("It's {0} o'clock");
	}

	@Test
	void argumentsAreKeptAsTextAndWholeNumbersWithSeparators() {
		Phrase phrase = Phrase.of("coverage.job.rejected-lines", 12_345L, "x");
		assertThat(phrase.args()).containsExactly("12,345", "x");
		assertThat(phrase.argsColumn()).containsExactly("12,345", "x");
		assertThat(Phrase.asIs("data").argsColumn()).as("null: shown as it is").isNull();
		assertThat(Phrase.of("change.value.yes").argsColumn()).as("a key with no arguments").isEmpty();
		assertThat(Phrase.stored("change.value.yes", new String[0])).isEqualTo(Phrase.of("change.value.yes"));
		assertThat(Phrase.stored("Yes", (String[]) null)).isEqualTo(Phrase.asIs("Yes"));
	}

}
