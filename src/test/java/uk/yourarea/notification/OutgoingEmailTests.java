package uk.yourarea.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutgoingEmailTests {

	private final OutgoingEmail email = OutgoingEmail.of("alert-email", "jane@example.com", "An alert for Wigston",
			"Burglaries on Long Street");

	@Test
	void isAResidentEmailWithNothingElseUnlessSaid() {
		assertThat(this.email.priority()).isEqualTo(EmailPriority.RESIDENT);
		assertThat(this.email.headers()).isEmpty();
		assertThat(this.email.reference()).isNull();
		assertThat(this.email.contactMessageId()).isNull();
	}

	@Test
	void takesTheTwoUnsubscribeHeadersAPriorityAReferenceAndAMessage() {
		OutgoingEmail alert = this.email
			.withHeaders(Map.of("List-Unsubscribe", "<https://example.org/alerts/unsubscribe/abc>",
					"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
			.withPriority(EmailPriority.BULK)
			.withReference("alert-17")
			.withContactMessageId(42L);

		assertThat(alert.headers()).containsOnly(
				Map.entry("List-Unsubscribe", "<https://example.org/alerts/unsubscribe/abc>"),
				Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
		assertThat(alert.priority()).isEqualTo(EmailPriority.BULK);
		assertThat(alert.reference()).isEqualTo("alert-17");
		assertThat(alert.contactMessageId()).isEqualTo(42L);
		assertThat(alert.to()).isEqualTo("jane@example.com");
		assertThat(alert.toString()).doesNotContain("jane", "Burglaries", "unsubscribe/abc");
	}

	@Test
	void refusesAnyOtherHeader() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.email.withHeaders(Map.of("Bcc", "all@example.com")))
			.withMessageContaining("Bcc");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.email.withHeaders(Map.of("list-unsubscribe", "<https://example.org/u>")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.email.withHeaders(Map.of("Reply-To", "x@example.com")));
	}

	@Test
	void refusesHeaderValuesThatCouldAddHeadersOrAreTooLong() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.email
			.withHeaders(Map.of("List-Unsubscribe", "<https://example.org/u>\r\nBcc: all@example.com")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.email.withHeaders(Map.of("List-Unsubscribe", "<https://example.org/u>\n")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.email.withHeaders(Map.of("List-Unsubscribe-Post", "\u0000")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.email.withHeaders(Map.of("List-Unsubscribe", " ")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.email.withHeaders(Map.of("List-Unsubscribe", "<" + "u".repeat(1000) + ">")));
		assertThat(this.email.withHeaders(Map.of("List-Unsubscribe", "u".repeat(1000))).headers())
			.containsKey("List-Unsubscribe");
	}

	@Test
	void keepsNoLinkToTheCallersMap() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("List-Unsubscribe", "<https://example.org/u>");
		OutgoingEmail alert = this.email.withHeaders(headers);

		headers.put("Bcc", "all@example.com");

		assertThat(alert.headers()).containsOnlyKeys("List-Unsubscribe");
	}

	@Test
	void refusesAReferenceThatIsNotAShortName() {
		assertThat(this.email.withReference("alert-17").reference()).isEqualTo("alert-17");
		assertThatIllegalArgumentException().isThrownBy(() -> this.email.withReference("Alert-17"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.email.withReference("17"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.email.withReference("alert 17"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.email.withReference("a".repeat(61)));
	}

	@Test
	void refusesWhatQueueRefused() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> OutgoingEmail.of("alert-email", "jane@example.com\r\nBcc: all@example.com", "Subject", "Body"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutgoingEmail.of("alert-email", "jane@example.com", "Subject\nBcc: x", "Body"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutgoingEmail.of("alert-email", "jane@example.com", "x".repeat(201), "Body"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutgoingEmail.of("alert-email", "a".repeat(243) + "@example.com", "Subject", "Body"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutgoingEmail.of("Alert_Email", "jane@example.com", "Subject", "Body"));
	}

}
