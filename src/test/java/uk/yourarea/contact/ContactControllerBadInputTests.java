package uk.yourarea.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.yourarea.alert.PublishedAlerts;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.FormStamps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a resident sees when the contact form is not filled in right: the form again
 * (200), with every error in the order of the page, everything they typed, and no message
 * stored.
 */
@WebMvcTest(controllers = ContactController.class)
@ContextConfiguration(classes = ContactControllerBadInputTests.Slice.class)
class ContactControllerBadInputTests {

	static final String KEY = "0123456789abcdef0123456789abcdef";

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, ContactController.class })
	static class Slice {

		@Bean
		ResponsePolicy responsePolicy() {
			return new ResponsePolicy(ResponsePolicy.Kind.CALENDAR_HOURS, 72, 3);
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ContactMessages messages;

	@MockitoBean
	NeighbourhoodDirectory neighbourhoods;

	@MockitoBean
	FormStamps stamps;

	@MockitoBean
	PublishedAlerts alerts;

	@BeforeEach
	void wigston() {
		given(this.neighbourhoods.liveBySlug(eq("wigston"), any()))
			.willReturn(Optional.of(TestNeighbourhoods.live(53L, "wigston", "Wigston")));
	}

	@Test
	void anEmptyFormListsWhatIsMissingInPageOrder() throws Exception {
		Document page = page(post("/area/wigston/contact").param("idempotencyKey", KEY), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter your name",
				"Enter your email address so that we can reply", "Select how you would like us to contact you",
				"Select whether you live or run a business in the area", "Select what your message is about",
				"Enter your message");
		assertThat(page.select("input[name=idempotencyKey]").val()).as("the same form, sent again, is one message")
			.isEqualTo(KEY);
		then(this.messages).should(never()).receive(any(), any(), anyString());
	}

	@Test
	void askingForACallWithoutANumberKeepsEverythingTyped() throws Exception {
		Document page = page(filledIn("preferredContact", "PHONE", "email", "not an address"), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly(
				"Enter an email address in the correct format, like name@example.com",
				"Enter a telephone number so that we can call you");
		assertThat(page.getElementById("name").val()).isEqualTo("Sam Resident");
		assertThat(page.getElementById("email").val()).isEqualTo("not an address");
		assertThat(page.getElementById("message").text()).isEqualTo("Cars race down Long Street at night.");
		assertThat(page.getElementById("location").val()).isEqualTo("Long Street");
		assertThat(page.select("input[name=topic][value=SPEEDING_AND_ROADS]").hasAttr("checked")).isTrue();
		then(this.messages).should(never()).receive(any(), any(), anyString());
	}

	@Test
	void aMessageTooLongComesBackAsTyped() throws Exception {
		String typed = "m".repeat(5001);

		Document page = page(filledIn("message", typed), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Your message must be 5,000 characters or fewer");
		assertThat(page.getElementById("message").text()).isEqualTo(typed);
		then(this.messages).should(never()).receive(any(), any(), anyString());
	}

	@Test
	void tooManyMessagesAreRefusedWithTheirOwnPage() throws Exception {
		given(this.messages.receive(any(), any(), anyString()))
			.willThrow(new ContactMessages.TooManyMessages("Too many messages from one address"));

		MvcResult result = this.mvc.perform(filledIn().with(csrf())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(429);
		assertThat(result.getModelAndView().getViewName()).isEqualTo("contact/too-many");
	}

	@Test
	void anAlertParameterThatIsNotAnAlertPublishedHereOpensThePlainForm() throws Exception {
		given(this.alerts.find(7L, 53L)).willReturn(Optional
			.of(new PublishedAlerts.Published(7L, "Who comes when you call", java.time.Instant.now(), null)));

		for (String alert : List.of("8", "abc", "-1", "1e3", "9".repeat(40), "", "7 ")) {
			Document page = page(get("/area/wigston/contact").param("alert", alert), 200);

			assertThat(page.select("#in-reply-to")).as("alert '%s'", alert).isEmpty();
			assertThat(page.select("input[name=alert]")).as("alert '%s'", alert).isEmpty();
		}
		Document reply = page(get("/area/wigston/contact").param("alert", "7"), 200);
		assertThat(reply.select("#in-reply-to a").text()).isEqualTo("Who comes when you call");
		assertThat(reply.select("input[name=alert]").val()).isEqualTo("7");
	}

	@Test
	void anErrorKeepsTheAlertAndAForgedOneIsDroppedFromTheForm() throws Exception {
		given(this.alerts.find(7L, 53L)).willReturn(Optional
			.of(new PublishedAlerts.Published(7L, "Who comes when you call", java.time.Instant.now(), null)));

		Document kept = page(filledIn("message", "", "alert", "7"), 200);
		Document garbage = page(filledIn("message", "", "alert", "<script>"), 200);
		Document anotherTeams = page(filledIn("message", "", "alert", "8"), 200);

		assertThat(kept.select("#in-reply-to a").attr("href")).isEqualTo("/area/wigston/alerts/7");
		assertThat(kept.select("input[name=alert]").val()).isEqualTo("7");
		assertThat(garbage.select("#in-reply-to")).isEmpty();
		assertThat(garbage.select("input[name=alert]")).isEmpty();
		assertThat(anotherTeams.select("#in-reply-to")).isEmpty();
		assertThat(anotherTeams.select("input[name=alert]")).isEmpty();
		then(this.messages).should(never()).receive(any(), any(), anyString());
	}

	/**
	 * A form filled in right, apart from the fields given (name, value, name, value…).
	 */
	private static MockHttpServletRequestBuilder filledIn(String... changed) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "Sam Resident");
		fields.put("email", "sam@example.org");
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", "SPEEDING_AND_ROADS");
		fields.put("message", "Cars race down Long Street at night.");
		fields.put("location", "Long Street");
		fields.put("idempotencyKey", KEY);
		for (int i = 0; i < changed.length; i += 2) {
			fields.put(changed[i], changed[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/area/wigston/contact");
		fields.forEach(request::param);
		return request;
	}

	private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request.with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return Pages.parse(result.getResponse().getContentAsString());
	}

}
