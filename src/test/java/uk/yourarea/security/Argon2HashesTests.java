package uk.yourarea.security;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's Argon2 hashes are Spring Security's, made with pooled memory: each reads the
 * other's, so no stored password stops working.
 */
class Argon2HashesTests {

	private final Argon2Hashes pooled = new Argon2Hashes(16, 32, 1, 19 * 1024, 2,
			new PasswordHashingMemory(2, Clock.systemUTC()));

	private final PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

	@Test
	void readsSpringSecuritysHashes() {
		String hash = this.spring.encode("tangerine dream");

		assertThat(this.pooled.matches("tangerine dream", hash)).isTrue();
		assertThat(this.pooled.matches("tangerine dreams", hash)).isFalse();
		assertThat(this.pooled.upgradeEncoding(hash)).isFalse();
	}

	@Test
	void makesHashesSpringSecurityReads() {
		String hash = this.pooled.encode("tangerine dream");

		assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
		assertThat(this.spring.matches("tangerine dream", hash)).isTrue();
		assertThat(this.spring.matches("tangerine", hash)).isFalse();
		assertThat(this.pooled.matches("tangerine dream", hash)).isTrue();
		assertThat(this.pooled.encode("tangerine dream")).as("a new salt each time").isNotEqualTo(hash);
	}

	@Test
	void theSameMemoryServesHashAfterHash() {
		String hash = this.pooled.encode("first");
		for (int i = 0; i < 5; i++) {
			assertThat(this.pooled.matches("first", hash)).as("check %d", i).isTrue();
			assertThat(this.pooled.matches("second", hash)).as("check %d", i).isFalse();
		}
	}

	@Test
	void replacesWeakerHashes() {
		String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 2).encode("tangerine dream");
		String fewerIterations = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 1).encode("tangerine dream");

		assertThat(this.pooled.matches("tangerine dream", weaker)).isTrue();
		assertThat(this.pooled.upgradeEncoding(weaker)).isTrue();
		assertThat(this.pooled.upgradeEncoding(fewerIterations)).isTrue();
	}

	@Test
	void refusesWhatIsNotAnArgon2Hash() {
		String hash = this.pooled.encode("tangerine dream");

		assertThat(this.pooled.matches("tangerine dream", null)).isFalse();
		assertThat(this.pooled.matches("tangerine dream", "")).isFalse();
		assertThat(this.pooled.matches("tangerine dream", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
		assertThat(this.pooled.matches("tangerine dream", hash.replace("m=19456", "m=x"))).isFalse();
		assertThat(this.pooled.matches("tangerine dream", hash.replace("$argon2id$", "$argon3$"))).isFalse();
		assertThat(this.pooled.matches("tangerine dream", hash.substring(0, hash.lastIndexOf('$')))).isFalse();
		assertThat(this.pooled.upgradeEncoding("not a hash")).isFalse();
	}

}
