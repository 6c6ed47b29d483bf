package uk.yourarea.consultation;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What an officer sees when the form to open a consultation, or a decision about a
 * concern, is wrong: the page again (200) with what they typed and the errors in the
 * order of the fields, and nothing opened, approved or rejected. Who may reach the pages
 * is ConsultationAdminIT's and the route inventory's to check. Today is 23 November 2026
 * ({@link PageSlice#NOW}).
 */
@WebMvcTest(controllers = ConsultationAdminController.class)
@ContextConfiguration(classes = ConsultationAdminBadInputTests.Slice.class)
class ConsultationAdminBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, ConsultationAdminController.class, ConsultationDates.class })
	static class Slice {

	}

	static final StaffUser OFFICER = new StaffUser(1, "PC Ellis", "ellis@example.org", Set.of(StaffRole.OFFICER),
			Set.of(7L), Set.of());

	static final String NEW = "/staff/neighbourhoods/7/consultations/new";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Consultations consultations;

	@MockitoBean
	NeighbourhoodDirectory neighbourhoods;

	@MockitoBean
	StaffScope scope;

	@BeforeEach
	void wigstonWithAClosedConsultation() {
		given(this.neighbourhoods.byId(7L)).willReturn(Optional.of(TestNeighbourhoods.live(7L, "wigston", "Wigston")));
		Consultation closed = new Consultation(7L, "Which issues should we focus on?", List.of("Speeding", "Parking"),
				PageSlice.NOW.minus(30, ChronoUnit.DAYS), PageSlice.NOW.minus(2, ChronoUnit.DAYS),
				PageSlice.NOW.minus(31, ChronoUnit.DAYS));
		given(this.consultations.find(7L, 3L)).willReturn(closed);
		given(this.consultations.pendingConcerns(closed)).willReturn(List.of());
	}

	@Test
	void aBlankFormAsksForEachFieldInTheOrderOfThePage() throws Exception {
		Document page = page(post(NEW).param("question", " ").param("issues", "\n \n"));

		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#question", "#issues",
				"#opensOn-day", "#closesOn-day");
		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter the question",
				"Enter the issues people can choose from, one on each line", "Enter the opening date",
				"Enter the closing date");
		nothingOpened();
	}

	@Test
	void tooLongOneIssueAndDaysInThePastAreRefusedWithWhatWasTypedKept() throws Exception {
		Document page = page(post(NEW).param("question", "Q".repeat(301))
			.param("issues", "Speeding\nSpeeding\n  ")
			.param("opensOnDay", "22")
			.param("opensOnMonth", "11")
			.param("opensOnYear", "2026")
			.param("closesOnDay", "1")
			.param("closesOnMonth", "1")
			.param("closesOnYear", "2026"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("The question must be 300 characters or fewer",
				"Enter at least 2 issues, one on each line", "Opening date must be today or in the future",
				"Closing date must be today or in the future");
		assertThat(page.getElementById("opensOn-day").val()).isEqualTo("22");
		assertThat(page.getElementById("closesOn-year").val()).isEqualTo("2026");
		assertThat(page.getElementById("question").text()).hasSize(301);
		nothingOpened();
	}

	@Test
	void tooManyIssuesOrOneTooLongAreRefused() throws Exception {
		StringBuilder many = new StringBuilder();
		for (int issue = 1; issue <= Consultations.MAX_ISSUES + 1; issue++) {
			many.append("Issue ").append(issue).append('\n');
		}
		assertThat(PageSlice.errorSummary(page(dated("Which?", many.toString(), "24", "1"))))
			.containsExactly("Enter no more than " + Consultations.MAX_ISSUES + " issues");
		assertThat(PageSlice.errorSummary(page(dated("Which?", "Speeding\n" + "P".repeat(101), "24", "1"))))
			.containsExactly("Each issue must be 100 characters or fewer");
		assertThat(PageSlice.errorSummary(page(dated("Which?", "Speeding\n" + "I".repeat(2001), "24", "1"))))
			.containsExactly("The issues must be 2,000 characters or fewer in all");
		nothingOpened();
	}

	@Test
	void datesThatAreNotRealOrTheWrongWayRoundAreRefused() throws Exception {
		assertThat(PageSlice.errorSummary(page(dated("Which?", "A\nB", "31", "2")))).as("31 February")
			.containsExactly("Opening date must be a real date, like 1 12 2026");
		assertThat(PageSlice.errorSummary(page(post(NEW).param("question", "Which?")
			.param("issues", "A\nB")
			.param("opensOnDay", "1")
			.param("opensOnMonth", "12")
			.param("opensOnYear", "2026")
			.param("closesOnDay", "tomorrow")
			.param("closesOnMonth", "")
			.param("closesOnYear", "")))).containsExactly("Closing date must be a real date, like 31 12 2026");
		assertThat(PageSlice.errorSummary(page(post(NEW).param("question", "Which?")
			.param("issues", "A\nB")
			.param("opensOnDay", "1")
			.param("opensOnMonth", "12")
			.param("opensOnYear", "2026")
			.param("closesOnDay", "1")
			.param("closesOnMonth", "12")
			.param("closesOnYear", "2026")))).containsExactly("Closing date must be after the opening date");
		assertThat(PageSlice.errorSummary(page(post(NEW).param("question", "Which?")
			.param("issues", "A\nB")
			.param("opensOnDay", "1")
			.param("opensOnMonth", "12")
			.param("opensOnYear", "20260")
			.param("closesOnDay", "2")
			.param("closesOnMonth", "12")
			.param("closesOnYear", "2026")))).as("a year of five digits")
			.containsExactly("Opening date must be a real date, like 1 12 2026");
		nothingOpened();
	}

	@Test
	void anOverlappingConsultationIsExplainedBesideTheOpeningDate() throws Exception {
		given(this.consultations.open(any(), any(), anyString(), any(), any(), any()))
			.willThrow(new Consultations.Overlapping(
					"Wigston already has a consultation from 1 December 2026 to 29 December 2026. Only one can be open at a time"));

		Document page = page(dated("Which?", "Speeding\nBurglary", "1", "12"));

		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#opensOn-day");
		assertThat(PageSlice.errorSummary(page)).containsExactly(
				"Wigston already has a consultation from 1 December 2026 to 29 December 2026. Only one can be open at a time");
		assertThat(page.getElementById("issues").text()).contains("Burglary");
	}

	@Test
	void aConcernDecisionThatIsNeitherApproveNorRejectAsksForOne() throws Exception {
		for (String decision : List.of("", "APPROVE", "delete", "<script>")) {
			Document page = page(post("/staff/neighbourhoods/7/consultations/3/concerns/40").param("decision", decision)
				.param("text", "Bikes on the path"));

			assertThat(PageSlice.errorSummary(page)).as(decision)
				.containsExactly("Choose whether to approve or reject the concern");
		}
		nothingDecided();
	}

	@Test
	void anApprovedConcernMustHaveWordsAndNotTooMany() throws Exception {
		Document blank = page(post("/staff/neighbourhoods/7/consultations/3/concerns/40").param("decision", "approve")
			.param("text", " \n "));
		assertThat(PageSlice.errorSummary(blank)).containsExactly("Enter the concern as it should be shown");

		Document tooLong = page(post("/staff/neighbourhoods/7/consultations/3/concerns/40").param("decision", "approve")
			.param("text", "w".repeat(1001)));
		assertThat(PageSlice.errorSummary(tooLong)).containsExactly("The concern must be 1,000 characters or fewer");
		nothingDecided();
	}

	private static MockHttpServletRequestBuilder dated(String question, String issues, String opensOnDay,
			String opensOnMonth) {
		return post(NEW).param("question", question)
			.param("issues", issues)
			.param("opensOnDay", opensOnDay)
			.param("opensOnMonth", opensOnMonth)
			.param("opensOnYear", opensOnMonth.equals("1") ? "2027" : "2026")
			.param("closesOnDay", "28")
			.param("closesOnMonth", "2")
			.param("closesOnYear", "2027");
	}

	private void nothingOpened() {
		then(this.consultations).should(never()).open(any(), any(), anyString(), any(), any(), any());
	}

	private void nothingDecided() {
		then(this.consultations).should(never()).approveConcern(any(), any(), any(), anyLong(), anyString());
		then(this.consultations).should(never()).rejectConcern(any(), any(), any(), anyLong());
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(signedIn()).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Pages.parse(result.getResponse().getContentAsString());
	}

	private static RequestPostProcessor signedIn() {
		return PageSlice.signedIn(OFFICER, "ROLE_OFFICER");
	}

}
