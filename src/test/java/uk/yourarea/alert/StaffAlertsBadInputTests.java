package uk.yourarea.alert;

import java.util.List;
import java.util.Set;

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
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.OnceOnly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The alert forms filled in wrong: the form again (200) with the error summary in page
 * order and everything typed, and nothing asked of the service. Who may reach the pages
 * is StaffAlertsIT's to check.
 */
@WebMvcTest(controllers = StaffAlertsController.class)
@ContextConfiguration(classes = StaffAlertsBadInputTests.Slice.class)
class StaffAlertsBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, StaffAlertsController.class, AlertFormChecks.class })
	@EnableConfigurationProperties(AlertProperties.class)
	static class Slice {

	}

	static final StaffUser OFFICER = new StaffUser(1, "PC Jo Example", "jo@example.org", Set.of(StaffRole.OFFICER),
			Set.of(53L), Set.of());

	static final long ALERT = 9;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AlertComposing composing;

	@MockitoBean
	AlertViews views;

	@MockitoBean
	NeighbourhoodDirectory directory;

	@MockitoBean
	OnceOnly onceOnly;

	@BeforeEach
	void anOfficerOfWigstonWithADraft() {
		given(this.composing.targetsOf(any()))
			.willReturn(new AlertAccess.Targets(List.of(TestNeighbourhoods.live(53L, "wigston", "Wigston"),
					TestNeighbourhoods.live(54L, "oadby", "Oadby")), false));
		Alert draft = new Alert(OFFICER.id(), new AlertDraft("Beat surgery", "Come and see us.", AlertTopic.EVENTS,
				AlertReach.NEIGHBOURHOODS, null, Set.of(53L)), PageSlice.NOW);
		ReflectionTestUtils.setField(draft, "id", ALERT);
		AlertComposing.Shown shown = new AlertComposing.Shown(draft, OFFICER.name(), true, false, false);
		given(this.composing.find(any(), org.mockito.ArgumentMatchers.eq(ALERT))).willReturn(shown);
		given(this.views.row(any())).willReturn(new AlertViews.Row(ALERT, "Beat surgery", "alerts.status.draft", true,
				"Wigston", OFFICER.name(), "Draft"));
		given(this.views.preview(any()))
			.willReturn(new AlertViews.Preview(new AlertEmails.Letter("Wigston team: Beat surgery", "Come and see us."),
					"Beat surgery", AlertText.of("Come and see us."), "Message sent by PC Jo Example", "Wigston"));
	}

	@Test
	void anEmptyFormListsWhatIsMissingInPageOrder() throws Exception {
		Document page = page(post("/staff/alerts/new").param("reach", "NEIGHBOURHOODS"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter a title", "Enter the message",
				"Select what the alert is about", "Select at least one neighbourhood");
		assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#title", "#body", "#topic",
				"#neighbourhoodIds");
		assertThat(page.title()).startsWith("Error: Write an alert");
		for (String id : List.of("title", "body", "topic", "neighbourhoodIds")) {
			assertThat(page.getElementById(id)).as(id).isNotNull();
		}
		nothingWritten();
	}

	@Test
	void tooLongATitleAndMessageComeBackAsTyped() throws Exception {
		String title = "t".repeat(151);
		String body = "b".repeat(10_001);
		Document page = page(post("/staff/alerts/new").param("title", title)
			.param("body", body)
			.param("topic", "APPEALS")
			.param("reach", "NEIGHBOURHOODS")
			.param("neighbourhoodIds", "54"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Title must be 150 characters or fewer",
				"Message must be 10,000 characters or fewer");
		assertThat(page.getElementById("title").val()).isEqualTo(title);
		assertThat(page.getElementById("body").text()).isEqualTo(body);
		assertThat(page.select("input[name=topic][checked]").eachAttr("value")).containsExactly("APPEALS");
		assertThat(page.select("input[name=neighbourhoodIds][checked]").eachAttr("value")).containsExactly("54");
		nothingWritten();
	}

	@Test
	void blankTitleAndMessageAreMissing() throws Exception {
		Document page = page(post("/staff/alerts/new").param("title", "   ")
			.param("body", " \n ")
			.param("topic", "GENERAL")
			.param("reach", "NEIGHBOURHOODS")
			.param("everyNeighbourhood", "true"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter a title", "Enter the message");
		assertThat(page.getElementById("everyNeighbourhood").hasAttr("checked")).isTrue();
		nothingWritten();
	}

	@Test
	void aTopicThatIsNotOneOfTheOptionsIsRefusedAndTheRestKept() throws Exception {
		Document page = page(post("/staff/alerts/new").param("title", "Speeding on Long Street")
			.param("body", "We were there on Tuesday.")
			.param("topic", "GOSSIP")
			.param("reach", "NEIGHBOURHOODS")
			.param("neighbourhoodIds", "53"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select what the alert is about");
		assertThat(page.getElementById("title").val()).isEqualTo("Speeding on Long Street");
		assertThat(page.getElementById("body").text()).isEqualTo("We were there on Tuesday.");
		assertThat(page.select("input[name=neighbourhoodIds][checked]").eachAttr("value")).containsExactly("53");
		nothingWritten();
	}

	@Test
	void noNeighbourhoodIsRefusedWhenChangingADraftToo() throws Exception {
		Document page = page(post("/staff/alerts/" + ALERT + "/edit").param("title", "Beat surgery")
			.param("body", "Come and see us.")
			.param("topic", "EVENTS")
			.param("reach", "NEIGHBOURHOODS")
			.param("version", "0"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select at least one neighbourhood");
		assertThat(page.getElementById("title").val()).isEqualTo("Beat surgery");
		then(this.composing).should(never()).edit(any(), anyLong(), anyLong(), any());
	}

	@Test
	void aSendTimeInThePastIsRefusedWithWhatWasTyped() throws Exception {
		// PageSlice.NOW is 12:00 on 23 November 2026.
		Document page = page(post("/staff/alerts/" + ALERT + "/send").param("when", "LATER")
			.param("sendDay", "23")
			.param("sendMonth", "11")
			.param("sendYear", "2026")
			.param("sendTime", "9am"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("The time it should go must be in the future");
		assertThat(page.getElementById("send").val()).isEqualTo("23");
		assertThat(page.getElementById("sendTime").val()).isEqualTo("9am");
		assertThat(page.getElementById("when-2").hasAttr("checked")).isTrue();
		nothingSent();
	}

	@Test
	void aPastDateAndAFarDateAreRefused() throws Exception {
		Document past = page(post("/staff/alerts/" + ALERT + "/send").param("when", "LATER")
			.param("sendDay", "1")
			.param("sendMonth", "11")
			.param("sendYear", "2026")
			.param("sendTime", "18:30"));
		assertThat(PageSlice.errorSummary(past))
			.containsExactly("The date it should go must be today or in the future");

		Document far = page(post("/staff/alerts/" + ALERT + "/send").param("when", "LATER")
			.param("sendDay", "1")
			.param("sendMonth", "3")
			.param("sendYear", "2027")
			.param("sendTime", "18:30"));
		assertThat(PageSlice.errorSummary(far))
			.containsExactly("The date it should go must be within 60 days from now");
		nothingSent();
	}

	@Test
	void aMalformedDateAndTimeAreRefused() throws Exception {
		Document page = page(post("/staff/alerts/" + ALERT + "/send").param("when", "LATER")
			.param("sendDay", "31")
			.param("sendMonth", "2")
			.param("sendYear", "2027")
			.param("sendTime", "25 o'clock"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("The date it should go must be a real date",
				"Enter the time in the correct format, like 9am or 18:30");
		assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#send", "#sendTime");
		assertThat(page.getElementById("sendTime").val()).isEqualTo("25 o'clock");
		assertThat(page.getElementById("send-month").val()).isEqualTo("2");
		nothingSent();
	}

	@Test
	void neitherNowNorLaterIsRefused() throws Exception {
		Document page = page(post("/staff/alerts/" + ALERT + "/send").param("when", "YESTERDAY"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select when the alert should go");
		assertThat(page.select("#email-subject").text()).isEqualTo("Wigston team: Beat surgery");
		nothingSent();
	}

	@Test
	void aGoodFormSavesTheDraftAndGoesToItsPreview() throws Exception {
		given(this.onceOnly.run(any(), any(), any(), anyLong(), any())).willAnswer((invocation) -> {
			java.util.function.Supplier<String> work = invocation.getArgument(4);
			return work.get();
		});
		given(this.composing.create(any(), any())).willReturn(ALERT);

		MvcResult result = this.mvc
			.perform(post("/staff/alerts/new").param("title", "Beat surgery")
				.param("body", "Come and see us.")
				.param("topic", "EVENTS")
				.param("reach", "NEIGHBOURHOODS")
				.param("everyNeighbourhood", "true")
				.param("action", "preview")
				.with(PageSlice.signedIn(OFFICER, "ROLE_OFFICER"))
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff/alerts/" + ALERT + "/preview");
		then(this.composing).should()
			.create(any(), org.mockito.ArgumentMatchers.eq(new AlertDraft("Beat surgery", "Come and see us.",
					AlertTopic.EVENTS, AlertReach.NEIGHBOURHOODS, null, Set.of(53L, 54L))));
	}

	private void nothingWritten() {
		then(this.composing).should(never()).create(any(), any());
		then(this.composing).should(never()).edit(any(), anyLong(), anyLong(), any());
	}

	private void nothingSent() {
		then(this.composing).should(never()).send(any(), anyLong(), any());
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(PageSlice.signedIn(OFFICER, "ROLE_OFFICER")).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Pages.parse(result.getResponse().getContentAsString());
	}

}
