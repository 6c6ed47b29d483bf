package uk.yourarea.consultation;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a resident sees when their "Have your say" answer is wrong: the real page again
 * (200), the errors in the order of the fields, everything they typed kept, and no answer
 * stored. Storing, confirming and the limits are HaveYourSayIT's to check.
 */
@WebMvcTest(controllers = HaveYourSayController.class)
@ContextConfiguration(classes = HaveYourSayBadInputTests.Slice.class)
class HaveYourSayBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, HaveYourSayController.class, AnswerChecks.class, ConsultationDates.class })
	static class Slice {

	}

	static final String WIGSTON_POSTCODE = "LE18 1AA";

	static final String OADBY_POSTCODE = "LE2 5AB";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	NeighbourhoodDirectory neighbourhoods;

	@MockitoBean
	HaveYourSay haveYourSay;

	@MockitoBean
	PostcodeLookup postcodes;

	@MockitoBean
	FormStamps stamps;

	@BeforeEach
	void wigstonWithAnOpenConsultationAndOadbyNextDoor() {
		given(this.neighbourhoods.liveBySlug(eq("wigston"), any()))
			.willReturn(Optional.of(TestNeighbourhoods.live(7L, "wigston", "Wigston")));
		given(this.neighbourhoods.byId(eq(8L), any()))
			.willReturn(Optional.of(TestNeighbourhoods.live(8L, "oadby", "Oadby")));
		Consultation open = new Consultation(7L, "Which issues should we focus on?",
				List.of("Speeding", "Parking", "Antisocial behaviour", "Burglary"),
				PageSlice.NOW.minus(1, ChronoUnit.DAYS), PageSlice.NOW.plus(7, ChronoUnit.DAYS),
				PageSlice.NOW.minus(2, ChronoUnit.DAYS));
		ReflectionTestUtils.setField(open, "id", 3L);
		for (int i = 0; i < open.getIssues().size(); i++) {
			ReflectionTestUtils.setField(open.getIssues().get(i), "id", 11L + i);
		}
		given(this.haveYourSay.openIn(7L)).willReturn(Optional.of(open));
		Postcode inWigston = Postcode.parse(WIGSTON_POSTCODE).orElseThrow();
		given(this.postcodes.find(inWigston))
			.willReturn(new PostcodeLookup.Result.InNeighbourhood(inWigston, 7L, "wigston", false));
		Postcode inOadby = Postcode.parse(OADBY_POSTCODE).orElseThrow();
		given(this.postcodes.find(inOadby))
			.willReturn(new PostcodeLookup.Result.InNeighbourhood(inOadby, 8L, "oadby", false));
	}

	@Test
	void aBlankFormAsksForEachFieldInTheOrderOfThePage() throws Exception {
		Document page = page(post("/area/wigston/have-your-say").param("consultationId", "3")
			.param("concern", "   ")
			.param("postcode", "")
			.param("email", ""));

		assertThat(PageSlice.errorSummary(page)).containsExactly(
				"Select at least one issue, or tell us about your own concern",
				"Select whether you live in the area or run a business there", "Enter your postcode",
				"Enter your email address so that we can send you a link to confirm your answer");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#issues",
				"#respondentType", "#postcode", "#email");
		nothingStored();
	}

	@Test
	void noIssueChosenAndNoConcernIsRefusedWithTheRestKept() throws Exception {
		Document page = page(answer(WIGSTON_POSTCODE, "sam@example.org"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Select at least one issue, or tell us about your own concern");
		assertThat(page.selectFirst("input[name=respondentType][value=RESIDENT]").hasAttr("checked")).isTrue();
		assertThat(page.getElementById("postcode").val()).isEqualTo(WIGSTON_POSTCODE);
		assertThat(page.getElementById("email").val()).isEqualTo("sam@example.org");
		nothingStored();
	}

	@Test
	void anIssueNotInTheListIsRefused() throws Exception {
		Document page = page(answer(WIGSTON_POSTCODE, "sam@example.org").param("issues", "11").param("issues", "999"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("The list of issues has changed: select the issues again");
		nothingStored();
	}

	@Test
	void anIssueThatIsNotANumberIsRefusedAndNothingIsStored() throws Exception {
		Document page = page(answer(WIGSTON_POSTCODE, "sam@example.org").param("issues", "11; drop table"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select one of the options");
		assertThat(page.getElementById("email").val()).isEqualTo("sam@example.org");
		nothingStored();
	}

	@Test
	void moreThanThreeIssuesAndATooLongConcernAreRefusedWithEverythingKept() throws Exception {
		String tooLong = "c".repeat(1001);
		Document page = page(answer(WIGSTON_POSTCODE, "sam@example.org").param("issues", "11", "12", "13", "14")
			.param("concern", tooLong));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select no more than 3 issues",
				"Your concern must be 1,000 characters or fewer");
		assertThat(page.select("input[name=issues][checked]").eachAttr("value")).containsExactly("11", "12", "13",
				"14");
		assertThat(page.getElementById("concern").text()).isEqualTo(tooLong);
		nothingStored();
	}

	@Test
	void somethingThatIsNotAPostcodeAsksForAFullOneAndKeepsWhatWasTyped() throws Exception {
		for (String typed : List.of("LE18", "my house", "<script>alert(1)</script>", "LE18 1AA ".repeat(100))) {
			Document page = page(answer(typed, "sam@example.org").param("issues", "11"));

			assertThat(PageSlice.errorSummary(page)).as(typed)
				.containsExactly("Enter a full UK postcode, like LE18 1AA");
			assertThat(page.getElementById("postcode").val()).as(typed).isEqualTo(typed);
		}
		then(this.postcodes).should(never()).find(any());
		nothingStored();
	}

	@Test
	void aPostcodeInAnotherNeighbourhoodSaysWhichAndLinksToItsPage() throws Exception {
		Document page = page(answer("le25ab", "sam@example.org").param("issues", "12"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("LE2 5AB is in the Oadby neighbourhood, not Wigston. Enter a postcode in Wigston");
		assertThat(page.select("#postcode-elsewhere a").attr("href")).isEqualTo("/area/oadby/have-your-say");
		assertThat(page.getElementById("postcode").val()).isEqualTo("le25ab");
		assertThat(page.select("input[name=issues][checked]").eachAttr("value")).containsExactly("12");
		nothingStored();
	}

	@Test
	void aPostcodeNowhereNearSaysItIsNotInTheNeighbourhood() throws Exception {
		Postcode westminster = Postcode.parse("SW1A 1AA").orElseThrow();
		given(this.postcodes.find(westminster)).willReturn(new PostcodeLookup.Result.NotOurs(westminster));
		Document page = page(answer("SW1A 1AA", "sam@example.org").param("issues", "11"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("SW1A 1AA is not in the Wigston neighbourhood. Enter a postcode in Wigston");
		nothingStored();
	}

	@Test
	void aBadEmailAddressIsRefusedAndKept() throws Exception {
		for (String typed : List.of("not an email", "sam@example", "sam@@example.org", "sam example.org")) {
			Document page = page(answer(WIGSTON_POSTCODE, typed).param("issues", "11"));

			assertThat(PageSlice.errorSummary(page)).as(typed)
				.containsExactly("Enter an email address in the correct format, like name@example.com");
			assertThat(page.getElementById("email").val()).as(typed).isEqualTo(typed);
		}
		nothingStored();
	}

	@Test
	void aTooLongEmailAddressIsRefused() throws Exception {
		String typed = "sam@" + "a".repeat(62) + "." + "b".repeat(62) + "." + "c".repeat(62) + "." + "d".repeat(62)
				+ ".org";
		Document page = page(answer(WIGSTON_POSTCODE, typed).param("issues", "11"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Your email address must be 254 characters or fewer");
		nothingStored();
	}

	@Test
	void hiddenCharactersInTheConcernAndALineSeparatorInTheEmailAreRefusedAndTakenOut() throws Exception {
		Document page = page(answer(WIGSTON_POSTCODE, "sam\u2028@example.org").param("concern",
				"Bikes on the path\u0000 by the school"));

		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#concern", "#email");
		assertThat(PageSlice.errorSummary(page)).containsExactly(
				"Your concern had hidden characters in it that we cannot store. We have taken them out: check it and send your answer again",
				"Your email address had line breaks or hidden characters in it. We have taken them out: check your email address and send your answer again");
		assertThat(page.getElementById("concern").wholeText()).isEqualTo("Bikes on the path by the school");
		assertThat(page.getElementById("email").val()).isEqualTo("sam @example.org");
		nothingStored();
	}

	@Test
	void aRespondentTypeNotInTheListIsRefused() throws Exception {
		MockHttpServletRequestBuilder request = post("/area/wigston/have-your-say").param("consultationId", "3")
			.param("issues", "11")
			.param("respondentType", "POLICE")
			.param("postcode", WIGSTON_POSTCODE)
			.param("email", "sam@example.org");

		Document page = page(request);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select one of the options");
		nothingStored();
	}

	@Test
	void aChoiceNotInTheListIsRefusedInWelshOnAWelshPage() throws Exception {
		Document page = page(answer(WIGSTON_POSTCODE, "sam@example.org").param("issues", "eleven")
			.locale(Languages.WELSH)
			.header("Accept-Language", "cy"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Dewiswch un o'r opsiynau");
		nothingStored();
	}

	private static MockHttpServletRequestBuilder answer(String postcode, String email) {
		return post("/area/wigston/have-your-say").param("consultationId", "3")
			.param("respondentType", "RESIDENT")
			.param("postcode", postcode)
			.param("email", email)
			.param("idempotencyKey", "0123456789abcdef0123456789abcdef");
	}

	private void nothingStored() {
		then(this.haveYourSay).should(never()).answer(any(), any(), any(), anyString());
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Pages.parse(result.getResponse().getContentAsString());
	}

}
