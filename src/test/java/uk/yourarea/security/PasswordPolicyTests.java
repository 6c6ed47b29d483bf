package uk.yourarea.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** What a staff password must be, and how it is hashed. */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(PasswordPolicy.readCommonPasswords(),
			List.of("Leicestershire Police", "Leicestershire", "Your Area"));

	@Test
	void asksForAPassword() {
		assertThat(this.policy.problemWith("")).hasValue("Enter a password");
		assertThat(this.policy.problemWith(null)).hasValue("Enter a password");
	}

	@Test
	void needsAtLeastEightCharacters() {
		assertThat(this.policy.problemWith("tangelo")).hasValue("Password must be 8 characters or more");
		assertThat(this.policy.problemWith("tangelos")).isEmpty();
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
	@ValueSource(strings = { "purple monkey dishwasher", "tangerine", "alllowercaseletters", "ALLCAPITALSHERE",
			"correct horse battery staple", "Demo-only-password-2026", "my police dog barks at midnight" })
	void hasNoRulesAboutCapitalsDigitsOrSymbols(String password) {
		assertThat(this.policy.problemWith(password, "Sam Example", "sam.example@example.org")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "password", "Password123", "PASSWORD1", "P@ssw0rd1", "p@ssw0rd!", "qwerty123", "12345678",
			"123456789", "11111111", "1q2w3e4r", "iloveyou1", "Monkey123!", "liverpool1", "Summer2024!", "letmein123",
			"aaaaaaaaaa", "zzzzzzzzzzzz" })
	void refusesCommonPasswords(String password) {
		assertThat(this.policy.problemWith(password)).hasValue("Choose a password that is harder to guess");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Leicestershire1", "Police123", "police2026!", "LeicestershirePolice1",
			"Leicestershire Police 2026", "p0lice123", "policepolice", "YourArea2026", "Sergeant1!",
			"2026Leicestershire" })
	void refusesTheForcesNameAndPoliceWithDigitsAndSymbols(String password) {
		assertThat(this.policy.problemWith(password)).hasValue("Choose a password that is harder to guess");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SamExample1", "example2026", "Sam.Example!", "sam.example@example.org" })
	void refusesTheirOwnNameAndEmailAddress(String password) {
		assertThat(this.policy.problemWith(password, "Sam Example", "sam.example@example.org"))
			.hasValue("Choose a password that is harder to guess");
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

}
