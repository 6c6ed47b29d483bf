package uk.yourarea.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutboxEmailTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private final OutboxEmail email = new OutboxEmail("contact-reply", "resident@example.com",
			"Your message YA-7K3M-Q9XD", "Read the reply at https://example.org/m/secret", 42L, NOW);

	@Test
	void isPendingAndDueAtOnceWhenQueued() {
		assertThat(this.email.isPending()).isTrue();
		assertThat(this.email.getAttempts()).isZero();
		assertThat(this.email.getCreatedAt()).isEqualTo(NOW);
		assertThat(this.email.getNextAttemptAt()).isEqualTo(NOW);
		assertThat(this.email.getSentAt()).isNull();
	}

	@Test
	void forgetsTheBodyOnceSent() {
		this.email.markSent(NOW.plusSeconds(5));

		assertThat(this.email.getStatus()).isEqualTo(OutboxEmail.Status.SENT);
		assertThat(this.email.isPending()).isFalse();
		assertThat(this.email.getSentAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(this.email.getAttempts()).isEqualTo(1);
		assertThat(this.email.getBody()).isNull();
		assertThat(this.email.getSubject()).isNull();
		assertThat(this.email.getToAddress()).isNull();
		assertThat(this.email.getToDomain()).isEqualTo("example.com");
		assertThat(this.email.getKind()).isEqualTo("contact-reply");
	}

	@Test
	void forgetsTheAddressAndTextOnceFailedEvenWhereTheServerQuotedTheAddress() {
		this.email.markFailed("SMTP 550 5.1.1 <resident@example.com>: no such user", NOW);

		assertThat(this.email.getBody()).isNull();
		assertThat(this.email.getSubject()).isNull();
		assertThat(this.email.getToAddress()).isNull();
		assertThat(this.email.getToDomain()).isEqualTo("example.com");
		assertThat(this.email.getLastError()).isEqualTo("SMTP 550 5.1.1 <[address]>: no such user");
	}

	@Test
	void staysPendingAfterAFailedAttemptAndIsDueAfterTheBackoff() {
		this.email.markAttemptFailed("ConnectException", NOW, Duration.ofMinutes(1));

		assertThat(this.email.isPending()).isTrue();
		assertThat(this.email.getAttempts()).isEqualTo(1);
		assertThat(this.email.getNextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(this.email.getLastError()).isEqualTo("ConnectException");
	}

	@Test
	void keepsTheLastErrorWithinWhatTheColumnHolds() {
		this.email.markAttemptFailed("x".repeat(2000), NOW, Duration.ofMinutes(1));

		assertThat(this.email.getLastError()).hasSize(500);
	}

	@Test
	void cannotBeSentOrRetriedOnceFailed() {
		this.email.markFailed("SMTP 550: no such user", NOW);

		assertThat(this.email.isFailed()).isTrue();
		assertThat(this.email.getAttempts()).isEqualTo(1);
		assertThatIllegalStateException().isThrownBy(() -> this.email.markSent(NOW));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.email.markAttemptFailed("again", NOW, Duration.ofMinutes(1)));
	}

	@Test
	void cannotFailOrBeSentAgainOnceSent() {
		this.email.markSent(NOW);

		assertThatIllegalStateException().isThrownBy(() -> this.email.markFailed("late", NOW));
		assertThatIllegalStateException().isThrownBy(() -> this.email.markSent(NOW));
		assertThatIllegalStateException().isThrownBy(() -> this.email.lease(UUID.randomUUID(), NOW.plusSeconds(30)));
	}

	@Test
	void isLeasedWithoutChangingWhenItIsDue() {
		UUID token = UUID.randomUUID();

		this.email.lease(token, NOW.plusSeconds(30));

		assertThat(this.email.isLeasedBy(token)).isTrue();
		assertThat(this.email.isLeasedBy(UUID.randomUUID())).isFalse();
		assertThat(this.email.getLeasedUntil()).isEqualTo(NOW.plusSeconds(30));
		assertThat(this.email.getNextAttemptAt()).isEqualTo(NOW);
	}

	@Test
	void isDueAsBeforeAndUntriedWhenHandedBack() {
		UUID token = UUID.randomUUID();
		this.email.lease(token, NOW.plusSeconds(30));

		this.email.releaseLease();

		assertThat(this.email.isLeasedBy(token)).isFalse();
		assertThat(this.email.getLeasedUntil()).isNull();
		assertThat(this.email.getNextAttemptAt()).isEqualTo(NOW);
		assertThat(this.email.getAttempts()).isZero();
		assertThat(this.email.getLastAttemptAt()).isNull();
	}

	@Test
	void givesUpTheLeaseAndRemembersTheAttemptWhateverItsOutcome() {
		UUID token = UUID.randomUUID();
		this.email.lease(token, NOW.plusSeconds(30));

		this.email.markAttemptFailed("SMTP 451", NOW.plusSeconds(2), Duration.ofMinutes(1));

		assertThat(this.email.isLeasedBy(token)).isFalse();
		assertThat(this.email.getLeasedUntil()).isNull();
		assertThat(this.email.getLastAttemptAt()).isEqualTo(NOW.plusSeconds(2));

		this.email.lease(token, NOW.plus(Duration.ofMinutes(2)));
		this.email.markSent(NOW.plus(Duration.ofMinutes(1)).plusSeconds(3));

		assertThat(this.email.getLeasedUntil()).isNull();
		assertThat(this.email.getLastAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)).plusSeconds(3));
		assertThat(this.email.isLeasedBy(token)).isFalse();
	}

	@Test
	void forgetsTheHeadersOnceSentOrFailed() {
		OutgoingEmail alert = OutgoingEmail.of("alert-email", "resident@example.com", "An alert", "Text")
			.withHeaders(Map.of("List-Unsubscribe", "<https://example.org/u/secret>", "List-Unsubscribe-Post",
					"List-Unsubscribe=One-Click"))
			.withPriority(EmailPriority.BULK)
			.withReference("alert-17");
		OutboxEmail sent = new OutboxEmail(alert, NOW);
		OutboxEmail failed = new OutboxEmail(alert, NOW);
		assertThat(sent.getHeaders()).containsOnlyKeys("List-Unsubscribe", "List-Unsubscribe-Post");

		sent.markSent(NOW);
		failed.markFailed("SMTP 550", NOW);

		assertThat(sent.getHeaders()).isEmpty();
		assertThat(failed.getHeaders()).isEmpty();
		assertThat(sent.getPriority()).isEqualTo(EmailPriority.BULK);
		assertThat(sent.getReference()).isEqualTo("alert-17");
	}

}
