package uk.yourarea.security;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;

import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.SiteProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a staff password must be, and how it is hashed. "Easy to guess" comes from
 * zxcvbn's lists of real leaked passwords, English words and names, with the force's and
 * the person's own names as the words an attacker tries first.
 */
class PasswordPolicyTests {

	private static final String TOO_EASY = "Choose a password that is harder to guess";

	private final PasswordPolicy policy = new PasswordPolicy(
			List.of("Leicestershire Police", "Leicestershire", "Your Area"), messages());

	@Test
	void asksForAPassword() {
		assertThat(this.policy.problemWith("")).hasValue("Enter a password");
		assertThat(this.policy.problemWith(null)).hasValue("Enter a password");
	}

	@Test
	void needsAtLeastEightCharacters() {
		assertThat(this.policy.problemWith("Xk9#mQ2")).hasValue("Password must be 8 characters or more");
		assertThat(this.policy.problemWith("Xk9#mQ2v")).as("eight characters with no pattern will do").isEmpty();
		assertThat(this.policy.problemWith("ö€中文字符ab")).as("characters, not bytes").isEmpty();
		assertThat(this.policy.problemWith("中文字符ab")).hasValue("Password must be 8 characters or more");
	}

	@Test
	void acceptsLongPassphrasesAndHashesEveryCharacterOfThem() {
		String passphrase = "the quick brown fox jumps over the lazy dog while my neighbour's cat watches from "
				+ "the garden wall!!!";
		assertThat(passphrase).hasSize(100);

		assertThat(this.policy.problemWith(passphrase)).isEmpty();
		PasswordEncoder encoder = PasswordHashing.encoder();
		String hash = encoder.encode(passphrase);
		assertThat(encoder.matches(passphrase, hash)).isTrue();
		assertThat(encoder.matches(passphrase.substring(0, 99) + "?", hash)).as("the 100th character counts").isFalse();
		assertThat(encoder.matches(passphrase.substring(0, 72), hash)).as("no truncation at 72 bytes").isFalse();
	}

	@Test
	void allowsUpTo256Characters() {
		assertThat(this.policy.problemWith("a few words ".repeat(21) + "and")).isEmpty();
		assertThat(this.policy.problemWith("x".repeat(100) + " and " + "y".repeat(152)))
			.hasValue("Password must be 256 characters or fewer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "purple monkey dishwasher", "correct horse battery staple", "alllowercaseletters",
			"ALLCAPITALSHERE", "Demo-only-password-2026", "my police dog barks at midnight", "first day on the beat",
			"tangerine dream", "Xk9#mQ2v" })
	void hasNoRulesAboutCapitalsDigitsOrSymbols(String password) {
		assertThat(this.policy.problemWith(password, "Sam Example", "sam.example@example.org")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1", "qwertyuiop", "iloveyou123", "password", "Password123", "PASSWORD1",
			"P@ssw0rd1", "p@ssw0rd!", "qwerty123", "12345678", "123456789", "11111111", "1q2w3e4r", "1qaz2wsx3edc",
			"zaq12wsx", "iloveyou1", "Monkey123!", "liverpool1", "Liverpool2026", "Chelsea2026", "Football123",
			"trustno1!", "starwars1977", "sunshine99", "Summer2024!", "Spring2026!", "Welcome2026!", "letmein123",
			"changeme", "qwertyuiopasdfgh", "aaaaaaaaaa", "zzzzzzzzzzzz", "abcd1234", "tangerine", "Elephant2026!",
			"Jennifer1987", "CorrectHorse" })
	void refusesCommonAndLeakedPasswordsAndWordsWithNumbersAdded(String password) {
		assertThat(this.policy.problemWith(password, "Sam Example", "sam.example@example.org")).hasValue(TOO_EASY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Leicestershire2026", "Leicestershire1", "Police123", "police2026!",
			"LeicestershirePolice1", "Leicestershire Police 2026", "p0lice123", "policepolice", "YourArea2026",
			"Sergeant1!", "2026Leicestershire", "Constable 2026" })
	void refusesTheForcesNameAndPoliceWithDigitsAndSymbols(String password) {
		assertThat(this.policy.problemWith(password)).hasValue(TOO_EASY);
	}

	@Test
	void refusesTheForcesWelshNameToo() {
		ForceProperties force = new ForceProperties("Leicestershire Police", "Heddlu Swydd Gaerlŷr", "Leicestershire",
				"Swydd Gaerlŷr", "https://police.example.org", "https://report.example.org", null, "E23000021",
				List.of(), List.of());
		SiteProperties site = new SiteProperties("Your Area", null, true, Duration.ZERO, Duration.ofSeconds(60),
				"https://your-area.example.org", Duration.ofSeconds(60), List.of("en", "cy"));
		String password = "HeddluSwyddGaerlŷr26";
		assertThat(this.policy.problemWith(password)).as("given the English names only").isEmpty();

		assertThat(new PasswordPolicy(force, site, messages()).problemWith(password)).hasValue(TOO_EASY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "SamExample1", "example2026", "Sam.Example!", "sam.example@example.org" })
	void refusesTheirOwnNameAndEmailAddress(String password) {
		assertThat(this.policy.problemWith(password, "Sam Example", "sam.example@example.org")).hasValue(TOO_EASY);
	}

	@Test
	void givesZxcvbnTheForcesAndThePersonsOwnWords() {
		String password = "Brackenthwaite1987";
		assertThat(this.policy.problemWith(password, "Sam Example", "sam.example@example.org"))
			.as("a stranger's surname and a year")
			.isEmpty();
		assertThat(this.policy.problemWith(password, "Zebedee Brackenthwaite", "zq@example.org"))
			.as("their own surname and a year")
			.hasValue(TOO_EASY);

		PasswordPolicy elsewhere = new PasswordPolicy(List.of("Wreakdale Constabulary", "Wreakdale", "Your Area"),
				messages());
		assertThat(elsewhere.problemWith("Wreakdale2026")).hasValue(TOO_EASY);
		assertThat(this.policy.problemWith("Wreakdale2026")).as("not this force's name").isEmpty();
	}

	@Test
	void refusesWhatZxcvbnFindsQuickToGuessEvenWhenItIsInNoList() {
		List<String> noUserInputs = List.of();
		assertThat(this.policy.guesses("qazwsxedcrfv", noUserInputs)).as("a keyboard pattern")
			.isLessThan(PasswordPolicy.MINIMUM_GUESSES);
		assertThat(this.policy.guesses("abcdefghijklmn", noUserInputs)).as("a sequence")
			.isLessThan(PasswordPolicy.MINIMUM_GUESSES);
		assertThat(this.policy.guesses("tangelos", noUserInputs)).as("two short words")
			.isLessThan(PasswordPolicy.MINIMUM_GUESSES);
		assertThat(this.policy.problemWith("qazwsxedcrfv")).hasValue(TOO_EASY);
		assertThat(this.policy.guesses("purple monkey dishwasher", noUserInputs))
			.isGreaterThan(PasswordPolicy.MINIMUM_GUESSES * 1000);
	}

	@Test
	void measuresTheFirst64CharactersOfALongPasswordWithZxcvbn() {
		String slow = "1!3@4$5|7+0".repeat(23);
		assertThat(this.policy.problemWith(slow)).as("digits and symbols, not a word").isEmpty();
		assertThat(this.policy.problemWith("qwertyuiop".repeat(7) + "all the rest is a good passphrase"))
			.as("only the first 64 characters are measured")
			.hasValue(TOO_EASY);
	}

	@Test
	void hashesWithArgon2idAtOwaspsSettingsOrMore() {
		String hash = PasswordHashing.encoder().encode("tangerine dream");

		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(PasswordHashing.MEMORY_KIB).isGreaterThanOrEqualTo(19456);
		assertThat(PasswordHashing.ITERATIONS).isGreaterThanOrEqualTo(2);
		assertThat(PasswordHashing.PARALLELISM).isEqualTo(1);
		assertThat(PasswordHashing.encoder().encode("tangerine dream")).as("salted").isNotEqualTo(hash);
	}

	@Test
	void rehashesPasswordsMadeWithWeakerSettings() {
		String weak = "{argon2}"
				+ new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1)
					.encode("tangerine dream");
		PasswordEncoder encoder = PasswordHashing.encoder();

		assertThat(encoder.matches("tangerine dream", weak)).isTrue();
		assertThat(encoder.upgradeEncoding(weak)).isTrue();
		assertThat(encoder.upgradeEncoding(encoder.encode("tangerine dream"))).isFalse();
	}

	@Test
	void findsTheLettersAtTheHeartOfAPassword() {
		assertThat(PasswordPolicy.cores("p@ssw0rd1")).contains("password");
		assertThat(PasswordPolicy.isMadeOf("leicestershirepolice", List.of("police", "leicestershire"))).isTrue();
		assertThat(PasswordPolicy.isMadeOf("policeman", List.of("police", "leicestershire"))).isFalse();
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "staff");
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

}
