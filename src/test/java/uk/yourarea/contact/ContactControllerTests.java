package uk.yourarea.contact;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;

import uk.yourarea.alert.PublishedAlerts;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.FormStamps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What the contact form does when the database refuses a message: a second send of the
 * same form stored it (the first message, logged as routine), or anything else (the form
 * again with everything typed, 503, never a 500 or a lost message).
 */
class ContactControllerTests {

	static final String KEY = "0123456789abcdef0123456789abcdef";

	final NeighbourhoodDirectory neighbourhoods = mock(NeighbourhoodDirectory.class);

	final ContactMessages messages = mock(ContactMessages.class);

	final ContactController controller = new ContactController(this.neighbourhoods, this.messages,
			new ResponsePolicy(ResponsePolicy.Kind.CALENDAR_HOURS, 72, 3), mock(FormStamps.class),
			mock(PublishedAlerts.class), siteWording());

	private static ResourceBundleMessageSource siteWording() {
		ResourceBundleMessageSource wording = new ResourceBundleMessageSource();
		wording.setBasename("messages");
		wording.setDefaultEncoding("UTF-8");
		return wording;
	}

	final ListAppender<ILoggingEvent> log = new ListAppender<>();

	final ContactForm form = new ContactForm("Sam Resident", "sam@example.org", null, PreferredContact.EMAIL,
			SenderType.RESIDENT, Topic.DRUGS, "Dealing outside the library", "Long Street", null, "0.signature", KEY,
			null);

	@BeforeEach
	void southWigston() {
		given(this.neighbourhoods.liveBySlug(eq("south-wigston"), any()))
			.willReturn(Optional.of(TestNeighbourhoods.live(9L, "south-wigston", "South Wigston")));
		this.log.start();
		logger().addAppender(this.log);
	}

	@AfterEach
	void stopListening() {
		logger().detachAppender(this.log);
	}

	@Test
	void aSecondSendOfTheSameFormAtTheSameMomentLeadsToTheFirstMessageAndIsLoggedAsRoutine() {
		given(this.messages.receive(any(), any(), anyString()))
			.willThrow(new DataIntegrityViolationException("duplicate key value violates unique constraint"));
		given(this.messages.findByIdempotencyKey(KEY))
			.willReturn(Optional.of(new ContactMessages.Received("YA-ABCD-2345", Instant.now(), "72 hours")));
		MockHttpServletResponse response = new MockHttpServletResponse();

		String view = send(response);

		assertThat(view).isEqualTo("redirect:/area/south-wigston/contact/sent?reference=YA-ABCD-2345");
		assertThat(this.log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
	}

	@Test
	void anyOtherRefusalByTheDatabaseShowsTheFormAgainWithEverythingTypedAndTheSameKey() {
		given(this.messages.receive(any(), any(), anyString())).willThrow(new DataIntegrityViolationException("insert",
				new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
		given(this.messages.findByIdempotencyKey(KEY)).willReturn(Optional.empty());
		MockHttpServletResponse response = new MockHttpServletResponse();
		ExtendedModelMap model = new ExtendedModelMap();

		String view = this.controller.send("south-wigston", this.form, new BeanPropertyBindingResult(this.form, "form"),
				model, new MockHttpServletRequest(), response);

		assertThat(view).isEqualTo("contact/form");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isNotBlank();
		assertThat(model.get("problem")).isEqualTo("unavailable");
		assertThat(model.get("form")).isEqualTo(this.form);
		assertThat(this.log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR);
		assertThat(this.log.list.get(0).getFormattedMessage()).contains("SQLSTATE 22021").doesNotContain("0x00");
	}

	@Test
	void anErrorThatIsNotTheDatabasesIsNotHiddenAsOne() {
		given(this.messages.receive(any(), any(), anyString())).willThrow(new IllegalStateException("a bug"));

		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> send(new MockHttpServletResponse()));
	}

	private String send(MockHttpServletResponse response) {
		return this.controller.send("south-wigston", this.form, new BeanPropertyBindingResult(this.form, "form"),
				new ExtendedModelMap(), new MockHttpServletRequest(), response);
	}

	private static Logger logger() {
		return (Logger) LoggerFactory.getLogger(ContactController.class);
	}

}
