package uk.yourarea.alert;

import java.util.Optional;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.FormStamps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The subscribe form filled in wrong: the form again with the error summary in page order
 * and what was typed, and nothing asked of the subscriptions.
 */
@WebMvcTest(controllers = SubscribeController.class)
@ContextConfiguration(classes = SubscribeControllerBadInputTests.Slice.class)
class SubscribeControllerBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, SubscribeController.class })
	@EnableConfigurationProperties(AlertProperties.class)
	static class Slice {

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AlertSubscriptions subscriptions;

	@MockitoBean
	NeighbourhoodDirectory neighbourhoods;

	@MockitoBean
	FormStamps stamps;

	@MockitoBean
	AlertArchive archive;

	@BeforeEach
	void wigston() {
		given(this.neighbourhoods.liveBySlug(eq("wigston"), any()))
			.willReturn(Optional.of(TestNeighbourhoods.live(53L, "wigston", "Wigston")));
	}

	@Test
	void anEmptyFormListsWhatIsMissingInPageOrder() throws Exception {
		Document page = page(post("/area/wigston/alerts"), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter your email address",
				"Select what you would like to hear about");
		assertThat(page.title()).startsWith("Error: Get messages from the Wigston team");
		assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#email", "#categories");
		nothingAsked();
	}

	@Test
	void aBadAddressComesBackAsTypedWithTheChoicesTicked() throws Exception {
		Document page = page(post("/area/wigston/alerts").param("email", "not an address")
			.param("categories", "EVENTS")
			.param("categories", "APPEALS"), 200);

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Enter an email address in the correct format, like name@example.com");
		assertThat(page.getElementById("email").val()).isEqualTo("not an address");
		assertThat(page.select("input[name=categories][checked]").eachAttr("value")).containsExactly("EVENTS",
				"APPEALS");
		nothingAsked();
	}

	@Test
	void aChoiceThatIsNotOneOfTheOptionsIsRefused() throws Exception {
		Document page = page(post("/area/wigston/alerts").param("email", "sam@example.org")
			.param("categories", "EVERYTHING_AND_MORE"), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select one of the options");
		assertThat(page.getElementById("email").val()).isEqualTo("sam@example.org");
		nothingAsked();
	}

	@Test
	void hiddenCharactersAreTakenOutAndTheFormIsRefused() throws Exception {
		// 200 in this slice: the 400 comes from web.UntypeableInputIsBadRequest, not
		// loaded here.
		Document page = page(
				post("/area/wigston/alerts").param("email", "sam@example.org\u0000").param("categories", "EVENTS"),
				200);

		assertThat(PageSlice.errorSummary(page)).singleElement()
			.asString()
			.startsWith("Your email address had line breaks or hidden characters in it");
		assertThat(page.getElementById("email").val()).isEqualTo("sam@example.org");
		nothingAsked();
	}

	@Test
	void tooManyAttemptsGetTheirOwnMessageAndKeepWhatWasTyped() throws Exception {
		willThrow(new AlertSubscriptions.TooManyAttempts()).given(this.subscriptions)
			.subscribe(any(), anyString(), any(), anyString(), anyBoolean());

		Document page = page(
				post("/area/wigston/alerts").param("email", "sam@example.org").param("categories", "EVENTS"), 429);

		assertThat(page.select(".govuk-error-summary__title").text()).isEqualTo("Too many requests");
		assertThat(page.getElementById("email").val()).isEqualTo("sam@example.org");
		assertThat(page.select("input[name=categories][checked]").eachAttr("value")).containsExactly("EVENTS");
	}

	@Test
	void aGoodFormGoesToTheSamePageWhoeverTheAddressBelongsTo() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/area/wigston/alerts").param("email", "Sam@Example.org")
				.param("categories", "PRIORITIES,EVENTS")
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/area/wigston/alerts/check-your-email");
		then(this.subscriptions).should()
			.subscribe(any(), org.mockito.ArgumentMatchers.eq("Sam@Example.org"),
					org.mockito.ArgumentMatchers
						.eq(java.util.EnumSet.of(AlertCategory.PRIORITIES, AlertCategory.EVENTS)),
					anyString(), anyBoolean());
	}

	private void nothingAsked() {
		then(this.subscriptions).should(never()).subscribe(any(), anyString(), any(), anyString(), anyBoolean());
	}

	private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request.with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return Pages.parse(result.getResponse().getContentAsString());
	}

}
