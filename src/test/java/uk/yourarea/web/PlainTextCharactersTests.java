package uk.yourarea.web;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link PlainText} (several lines) and {@link SingleLine} (one line) let through:
 * every script and emoji, never a NUL or another control character, and in one-line
 * fields no line break of any kind nor a bidirectional override.
 */
class PlainTextCharactersTests {

	/** Right-to-left text, emoji with joiners, skin tones and tag characters. */
	static final String WORLD = "مرحبا שלום 👩🏽‍⚕️ 👨‍👩‍👧‍👦 🏴󠁧󠁢󠁥󠁮󠁧󠁿 é ﷽ \u200F\u200E";

	static ValidatorFactory factory;

	static Validator validator;

	record Form(@PlainText String message, @SingleLine String name) {
	}

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void everyScriptAndEmojiIsTextInBothKindsOfField() {
		assertThat(PlainTextCharacters.acceptable(WORLD, false)).isTrue();
		assertThat(PlainTextCharacters.acceptable(WORLD, true)).isTrue();
		assertThat(PlainTextCharacters.withoutRefused(WORLD, true)).isEqualTo(WORLD);
		assertThat(violations(new Form(WORLD, WORLD))).isEmpty();
	}

	@Test
	void severalLinesMayHoldTabsAndLineBreaksButNoOtherControlCharacter() {
		assertThat(PlainTextCharacters.acceptable("First line\r\nsecond\tline\nthird\u2028fourth\u2029", false))
			.isTrue();
		for (int control : List.of(0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x85, 0x9F)) {
			assertThat(PlainTextCharacters.acceptable("a" + Character.toString(control) + "b", false))
				.as("U+%04X", control)
				.isFalse();
		}
		assertThat(PlainTextCharacters.acceptable("lone \uD83D surrogate", false)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\nb", "a\rb", "a\u000Bb", "a\u000Cb", "a\u0085b", "a\u2028b", "a\u2029b", "a\u0000b",
			"a\u202Eb", "a\u202Ab", "a\u2066b", "a\u2069b" })
	void oneLineHoldsNoLineBreakNoControlCharacterAndNoDirectionOverride(String text) {
		assertThat(PlainTextCharacters.acceptable(text, true)).isFalse();
		assertThat(violations(new Form("fine", text))).extracting(ConstraintViolation::getPropertyPath)
			.map(Object::toString)
			.containsExactly("name");
	}

	@Test
	void aDirectionOverrideIsAllowedInTextOfSeveralLinesWhereItEndsWithTheParagraph() {
		assertThat(PlainTextCharacters.acceptable("\u202Eabc\u202C and שלום \u2067x\u2069", false)).isTrue();
	}

	@Test
	void aTabIsAllowedEvenOnOneLine() {
		assertThat(PlainTextCharacters.acceptable("Sam\tResident", true)).isTrue();
	}

	@Test
	void showingAgainDropsWhatWasRefusedAndKeepsEverythingElseExactly() {
		assertThat(PlainTextCharacters.withoutRefused("Cars\u0000 race\r\n👩🏽‍⚕️\u0007", false))
			.isEqualTo("Cars race\r\n👩🏽‍⚕️");
		assertThat(PlainTextCharacters.withoutRefused("sam@\u2028example.org", true)).isEqualTo("sam@ example.org");
		assertThat(PlainTextCharacters.withoutRefused("Sam\r\nResident\u0000", true)).isEqualTo("Sam Resident");
		assertThat(PlainTextCharacters.withoutRefused("\u202Egnp.exe", true)).isEqualTo("gnp.exe");
		assertThat(PlainTextCharacters.withoutRefusedOrNull(null, true)).isNull();
	}

	@Test
	void nullIsLeftToNotBlank() {
		assertThat(violations(new Form(null, null))).isEmpty();
	}

	@Test
	void theDefaultMessagesAreKeysOfMessagesProperties() throws Exception {
		Set<ConstraintViolation<Form>> found = violations(new Form("a\u0000", "b\n"));
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}

		assertThat(found).extracting(ConstraintViolation::getMessageTemplate)
			.containsExactlyInAnyOrder("{web.validation.plain-text}", "{web.validation.single-line}");
		assertThat(messages).containsKeys("web.validation.plain-text", "web.validation.single-line");
	}

	private static Set<ConstraintViolation<Form>> violations(Form form) {
		return validator.validate(form);
	}

}
