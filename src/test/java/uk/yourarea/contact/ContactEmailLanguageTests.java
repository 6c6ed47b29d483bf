package uk.yourarea.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.alert.PublishedAlerts;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.Languages;
import uk.yourarea.web.RateLimits;
import uk.yourarea.web.SiteProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The acknowledgement of a message is written in the language the resident wrote in, with
 * the link to their conversation in that language, and the language is kept with the
 * message for every later email.
 */
class ContactEmailLanguageTests {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	final ContactMessageRepository repository = mock(ContactMessageRepository.class);

	final EmailOutbox outbox = mock(EmailOutbox.class);

	final RateLimits rateLimits = mock(RateLimits.class);

	final FormStamps stamps = mock(FormStamps.class);

	final Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/London"));

	final ContactMessages messages = new ContactMessages(this.repository,
			new ResponseDeadline(new ResponsePolicy(ResponsePolicy.Kind.CALENDAR_HOURS, 72, 3), new BankHolidays(),
					this.clock),
			new ContactProperties(
					5, Duration.ofMinutes(10), 3, Duration.ofHours(24), Duration.ofSeconds(3), 10, Duration.ofHours(1)),
			this.rateLimits, this.outbox, mock(JdbcTemplate.class),
			new ForceProperties("Test Police", "Heddlu Prawf", "TP", null, "https://police.example.org",
					"https://report.example.org", null, "E23000021", List.of(), List.of()),
			new SiteProperties("Your Area", null, true, Duration.ZERO, Duration.ofSeconds(60),
					"https://your-area.example.org", Duration.ofSeconds(60), List.of("en", "cy")),
			bundle(), this.clock, this.stamps, mock(StaffAccounts.class), mock(PublishedAlerts.class));

	@AfterEach
	void noLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aMessageFromAWelshPageIsAcknowledgedInWelshWithTheWelshLink() {
		LocaleContextHolder.setLocale(Languages.WELSH);
		ContactMessage stored = receive();

		assertThat(stored.getLanguage()).isEqualTo("cy");
		assertThat(subject()).isEqualTo("Mae eich neges gennym (cyfeirnod " + stored.getReference() + ")");
		assertThat(body()).startsWith("Helo,\nDiolch, tîm Wigston.")
			.contains("Dydd Iau 26 Tachwedd 2026 am 10:00yb")
			.contains("Rydym yn anelu at ateb o fewn 72 awr.")
			.contains("https://your-area.example.org/cy/messages/")
			.endsWith("\nHeddlu Prawf");
	}

	@Test
	void aMessageFromAnEnglishPageIsAcknowledgedInEnglish() {
		LocaleContextHolder.setLocale(Languages.ENGLISH);
		ContactMessage stored = receive();

		assertThat(stored.getLanguage()).isEqualTo("en");
		assertThat(subject()).isEqualTo("We have your message (reference " + stored.getReference() + ")");
		assertThat(body()).startsWith("Hello,\nThank you, Wigston team.")
			.contains("Thursday 26 November 2026 at 10:00am")
			.contains("https://your-area.example.org/messages/")
			.doesNotContain("/cy/")
			.endsWith("\nTest Police");
	}

	private ContactMessage receive() {
		given(this.repository.findByIdempotencyKey(anyString())).willReturn(Optional.empty());
		given(this.rateLimits.tryAcquire(anyString(), anyInt(), any())).willReturn(true);
		given(this.stamps.shownAt(any())).willReturn(Optional.of(NOW.minusSeconds(60)));
		this.messages.receive(TestNeighbourhoods.live(53L, "wigston", "Wigston"),
				new ContactForm("Sam", "sam@example.org", null, PreferredContact.EMAIL, SenderType.RESIDENT,
						Topic.SPEEDING_AND_ROADS, "Cars race down Long Street.", null, null, "stamp", "key-1", null),
				"127.0.0.1");
		ArgumentCaptor<ContactMessage> saved = ArgumentCaptor.forClass(ContactMessage.class);
		verify(this.repository).save(saved.capture());
		return saved.getValue();
	}

	private String subject() {
		ArgumentCaptor<String> subject = ArgumentCaptor.forClass(String.class);
		verify(this.outbox).queue(eq("contact-acknowledgement"), eq("sam@example.org"), subject.capture(), anyString(),
				any());
		return subject.getValue();
	}

	private String body() {
		ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
		verify(this.outbox).queue(eq("contact-acknowledgement"), eq("sam@example.org"), anyString(), body.capture(),
				any());
		return body.getValue();
	}

	private static StaticMessageSource bundle() {
		StaticMessageSource bundle = new StaticMessageSource();
		bundle.addMessage("contact.email.greeting", Languages.ENGLISH, "Hello,");
		bundle.addMessage("contact.email.acknowledgement.subject", Languages.ENGLISH,
				"We have your message (reference {0})");
		bundle.addMessage("contact.email.acknowledgement.body", Languages.ENGLISH,
				"{0}\nThank you, {1} team.\n{2}\n{3}\n{4}\n{5}\n{6}\n{7}");
		bundle.addMessage("contact.deadline.hours", Languages.ENGLISH, "We aim to reply within {0} hours.");
		bundle.addMessage("contact.email.greeting", Languages.WELSH, "Helo,");
		bundle.addMessage("contact.email.acknowledgement.subject", Languages.WELSH,
				"Mae eich neges gennym (cyfeirnod {0})");
		bundle.addMessage("contact.email.acknowledgement.body", Languages.WELSH,
				"{0}\nDiolch, tîm {1}.\n{2}\n{3}\n{4}\n{5}\n{6}\n{7}");
		bundle.addMessage("contact.deadline.hours", Languages.WELSH, "Rydym yn anelu at ateb o fewn {0} awr.");
		bundle.addMessage("contact.deadline.format", Languages.WELSH, "EEEE d MMMM yyyy 'am' h:mma");
		return bundle;
	}

}
