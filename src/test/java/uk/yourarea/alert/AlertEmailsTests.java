package uk.yourarea.alert;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

/** An alert email's fixed words are in the subscriber's language. */
class AlertEmailsTests {

	private final AlertEmails emails = new AlertEmails(messages());

	@Test
	void aWelshSubscribersEmailIsWrittenWithTheWelshWords() {
		AlertEmails.Letter letter = this.emails.in(Languages.WELSH)
			.compose("Cyfarfod", AlertText.of("Dewch draw."), "PC Jones", "Wigston",
					"https://example.org/cy/area/wigston/alerts/1",
					"https://example.org/cy/area/wigston/contact?alert=1", "https://example.org/cy/alerts/manage/t",
					"https://example.org/cy/alerts/manage/t/7/stop", "https://example.org/cy/alerts/unsubscribe/t");

		assertThat(letter.subject()).isEqualTo("Tîm Wigston: Cyfarfod");
		assertThat(letter.body()).isEqualTo("Cyfarfod\nDewch draw.\nPC Jones\nAtebwch: https://example.org/cy/area/"
				+ "wigston/contact?alert=1\nRheoli: https://example.org/cy/alerts/manage/t\n"
				+ "Atal Wigston: https://example.org/cy/alerts/manage/t/7/stop");
	}

	@Test
	void anEnglishSubscribersEmailKeepsTheEnglishWordsWithAnApostrophe() {
		AlertEmails.Letter letter = this.emails.in(Languages.ENGLISH)
			.compose("Meeting", AlertText.of("Come along."), "PC Jones", "Wigston", "web", "reply", "manage",
					"stop-team", "stop");

		assertThat(letter.subject()).isEqualTo("Wigston team: Meeting");
		assertThat(letter.body())
			.isEqualTo("Meeting\nCome along.\nPC Jones\nThe team's reply: reply\nStop Wigston: stop-team\nStop: stop");
	}

	@Test
	void aSubjectTooLongIsCut() {
		AlertEmails.Letter letter = this.emails.compose("x".repeat(300), AlertText.of("Body"), "PC Jones", "Wigston",
				"web", "reply", "manage", "stop-team", "stop");

		assertThat(letter.subject()).hasSize(AlertEmails.MAX_SUBJECT_LENGTH).endsWith("…");
	}

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("alerts.email.alert.subject", Languages.ENGLISH, "{0} team: {1}");
		messages.addMessage("alerts.email.alert.body", Languages.ENGLISH,
				"{0}\n{1}\n{2}\nThe team''s reply: {3}\nStop {4}: {8}\nStop: {7}");
		messages.addMessage("alerts.email.alert.subject", Languages.WELSH, "Tîm {0}: {1}");
		messages.addMessage("alerts.email.alert.body", Languages.WELSH,
				"{0}\n{1}\n{2}\nAtebwch: {3}\nRheoli: {6}\nAtal {4}: {8}");
		return messages;
	}

}
