package uk.yourarea.notification;

import java.time.Duration;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxPropertiesTests {

	@Test
	void readsANameAndAnAddressFromFrom() {
		InternetAddress from = properties("Leicestershire Police Your Area <no-reply@example.org>").fromAddress();

		assertThat(from.getPersonal()).isEqualTo("Leicestershire Police Your Area");
		assertThat(from.getAddress()).isEqualTo("no-reply@example.org");
	}

	@Test
	void encodesANameThatIsNotAscii() {
		InternetAddress from = properties("Heddlu Dyfed-Powys – Eich Ardal <no-reply@example.org>").fromAddress();

		assertThat(from.getPersonal()).isEqualTo("Heddlu Dyfed-Powys – Eich Ardal");
		assertThat(from.toString()).startsWith("=?UTF-8?").endsWith("<no-reply@example.org>");
	}

	@Test
	void refusesToStartWithAnUnusableFrom() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("no-reply"));
		assertThatIllegalArgumentException().isThrownBy(() -> properties("a@example.org, b@example.org"));
		assertThatIllegalArgumentException().isThrownBy(() -> properties("Your Area <no-reply@example.org"));
	}

	@Test
	void refusesALongestRetryIntervalShorterThanTheFirst() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutboxProperties("no-reply@example.org", true, Duration.ofSeconds(5), 20,
					Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(72), true));
	}

	private static OutboxProperties properties(String from) {
		return new OutboxProperties(from, true, Duration.ofSeconds(5), 20, Duration.ofMinutes(2), Duration.ofMinutes(1),
				Duration.ofHours(1), Duration.ofHours(72), true);
	}

}
