package uk.yourarea.dataprotection;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.LegalHold;
import uk.yourarea.personaldata.LegalHolds;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.personaldata.SearchBy;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the data protection officer sees when what they typed is wrong: the page again
 * (200) with the message in the error summary and what they typed, and nothing searched,
 * exported, erased or held. Who may reach the desk is DataProtectionDeskIT's and the
 * route inventory's to check.
 */
@WebMvcTest(controllers = DataProtectionController.class)
@ContextConfiguration(classes = DataProtectionDeskBadInputTests.Slice.class)
class DataProtectionDeskBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, DataProtectionController.class, HeldRecordViews.class, SubjectAccessExport.class })
	static class Slice {

	}

	static final StaffUser OFFICER = new StaffUser(9, "Data Protection Officer", "dpo@example.org",
			Set.of(StaffRole.DATA_PROTECTION), Set.of(), Set.of());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DataProtectionDesk desk;

	@BeforeEach
	void nothingHeld() {
		given(this.desk.holds()).willReturn(List.of());
		given(this.desk.recentActions(anyInt())).willReturn(List.of());
	}

	@Test
	void aSearchWithNothingChosenSaysSoAndKeepsWhatWasTyped() throws Exception {
		Document page = page(post("/staff/data-protection/search").param("term", "sam@example.org"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Select whether to search by email address, telephone number or message reference");
		assertThat(page.getElementById("term").val()).isEqualTo("sam@example.org");
		assertThat(page.title()).startsWith("Error: ");
		then(this.desk).should(never()).find(any(), any());
	}

	@Test
	void aBlankSearchIsRefused() throws Exception {
		Document page = page(search("EMAIL", "   "));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Enter an email address, telephone number or message reference");
		assertThat(page.select("input[name=by][value=EMAIL]").hasAttr("checked")).isTrue();
		then(this.desk).should(never()).find(any(), any());
	}

	@Test
	void anEmailAddressWithoutAnAtIsRefused() throws Exception {
		Document page = page(search("EMAIL", "sam.example.org"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Enter an email address in the correct format, like name@example.org");
		assertThat(page.getElementById("term").val()).isEqualTo("sam.example.org");
		assertThat(page.select("input[name=by][value=EMAIL]").hasAttr("checked")).isTrue();
		then(this.desk).should(never()).find(any(), any());
	}

	@Test
	void aTelephoneNumberOfFewerThanSixDigitsIsRefused() throws Exception {
		Document page = page(search("PHONE", "01 632"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Enter a telephone number of at least 6 digits, like 01632 960001");
		assertThat(page.getElementById("term").val()).isEqualTo("01 632");
		assertThat(page.select("input[name=by][value=PHONE]").hasAttr("checked")).isTrue();
		then(this.desk).should(never()).find(any(), any());
	}

	@Test
	void aReferenceNotLikeOursIsRefused() throws Exception {
		Document page = page(search("REFERENCE", "YA-12345"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Enter a message reference in the correct format, like YA-7K3M-Q9P2");
		assertThat(page.getElementById("term").val()).isEqualTo("YA-12345");
		then(this.desk).should(never()).find(any(), any());
	}

	@Test
	void aReferenceInSmallLettersIsFound() throws Exception {
		given(this.desk.find(any(), any())).willReturn(List.of());

		Document page = page(search("REFERENCE", " ya-7k3m-q9p2 "));

		assertThat(PageSlice.errorSummary(page)).isEmpty();
		then(this.desk).should().find(OFFICER, new PersonSearch(SearchBy.REFERENCE, "YA-7K3M-Q9P2"));
	}

	@Test
	void nothingFoundSaysSoClearly() throws Exception {
		given(this.desk.find(any(), any())).willReturn(List.of());

		Document page = page(search("EMAIL", "nobody@example.org"));

		assertThat(page.getElementById("nothing-found").text())
			.isEqualTo("Nothing is held for the email address nobody@example.org.");
		assertThat(page.getElementById("erase")).as("nothing to erase").isNull();
	}

	@Test
	void earlierActionsBeyondFiftyAreCountedOutNotHidden() throws Exception {
		given(this.desk.find(any(), any())).willReturn(List.of());
		given(this.desk.actionsAbout(any(), anyInt())).willReturn(searches(51));

		Document page = page(search("EMAIL", "often@example.org"));

		assertThat(page.select("#earlier tbody tr")).hasSize(50);
		assertThat(page.getElementById("earlier-not-all-shown").text())
			.isEqualTo("The desk has done more than 50 things with this detail: only the 50 most recent are listed.");
		then(this.desk).should().actionsAbout(any(), org.mockito.ArgumentMatchers.eq(51));
	}

	@Test
	void fiftyEarlierActionsAreAllShownWithoutANote() throws Exception {
		given(this.desk.find(any(), any())).willReturn(List.of());
		given(this.desk.actionsAbout(any(), anyInt())).willReturn(searches(50));

		Document page = page(search("EMAIL", "often@example.org"));

		assertThat(page.select("#earlier tbody tr")).hasSize(50);
		assertThat(page.getElementById("earlier-not-all-shown")).isNull();
	}

	private static List<DataProtectionDesk.Action> searches(int count) {
		List<DataProtectionDesk.Action> actions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			actions.add(new DataProtectionDesk.Action(java.time.Instant.parse("2026-12-01T10:00:00Z").minusSeconds(i),
					"Data Protection Officer", "SEARCH", "EMAIL", List.of(), 0, null));
		}
		return actions;
	}

	@Test
	void eachRecordFoundShowsItsKindReferenceDateAndFields() throws Exception {
		given(this.desk.find(any(), any())).willReturn(List.of(new HeldRecord("contact-message", "YA-7K3M-Q9P2",
				PageSlice.NOW, null, null, Map.of("email", "sam@example.org", "message", "A broken window"))));

		Document page = page(search("EMAIL", "sam@example.org"));

		assertThat(page.select("#results h3").text()).isEqualTo("Message to a neighbourhood team: YA-7K3M-Q9P2");
		assertThat(page.getElementById("results").text()).contains("23 November 2026, 12:00")
			.contains("Held in full")
			.contains("A broken window");
		assertThat(page.select("form[action$=/hold/new] input[name=reference]").val()).isEqualTo("YA-7K3M-Q9P2");
	}

	@Test
	void anExportWithBadInputComesBackAsThePageNotAFile() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/staff/data-protection/export").param("by", "PHONE")
				.param("term", "123")
				.with(PageSlice.signedIn(OFFICER, "ROLE_DATA_PROTECTION"))
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getContentType()).startsWith("text/html");
		assertThat(PageSlice.errorSummary(Pages.parse(result.getResponse().getContentAsString())))
			.containsExactly("Enter a telephone number of at least 6 digits, like 01632 960001");
		then(this.desk).should(never()).export(any(), any());
	}

	@Test
	void anExportIsOneZipFileToDownloadAndNotToKeep() throws Exception {
		given(this.desk.export(any(), any())).willReturn(List.of(new HeldRecord("outbox-email", "email-4",
				PageSlice.NOW, null, null, Map.of("to", "sam@example.org", "subject", "Your message"))));

		MvcResult result = this.mvc
			.perform(post("/staff/data-protection/export").param("by", "EMAIL")
				.param("term", "Sam@Example.org")
				.with(PageSlice.signedIn(OFFICER, "ROLE_DATA_PROTECTION"))
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/zip");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"subject-access-2026-11-23.zip\"");
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		assertThat(names).containsExactly("subject-access-2026-11-23.html", "subject-access-2026-11-23.json");
	}

	@Test
	void anErasureWithoutAReasonComesBackToTheConfirmation() throws Exception {
		given(this.desk.find(any(), any())).willReturn(List.of());

		Document page = page(post("/staff/data-protection/erase").param("by", "EMAIL")
			.param("term", "sam@example.org")
			.param("reason", " "));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter why you are erasing their data");
		assertThat(page.select("input[name=term]").val()).isEqualTo("sam@example.org");
		then(this.desk).should(never()).erase(any(), any(), anyString());
	}

	@Test
	void anErasureReasonOfMoreThan500CharactersIsRefusedAndKept() throws Exception {
		given(this.desk.find(any(), any())).willReturn(List.of());
		String reason = "r".repeat(501);

		Document page = page(post("/staff/data-protection/erase").param("by", "EMAIL")
			.param("term", "sam@example.org")
			.param("reason", reason));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Reason must be 500 characters or fewer");
		assertThat(page.getElementById("reason").text()).isEqualTo(reason);
		then(this.desk).should(never()).erase(any(), any(), anyString());
	}

	@Test
	void anErasureOfABadSearchGoesBackToTheSearch() throws Exception {
		Document page = page(post("/staff/data-protection/erase").param("by", "EMAIL")
			.param("term", "not an address")
			.param("reason", "Asked by letter"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Enter an email address in the correct format, like name@example.org");
		then(this.desk).should(never()).erase(any(), any(), anyString());
	}

	@Test
	void aHoldWithoutReasonOrDateSaysBothInTheOrderOfTheFields() throws Exception {
		Document page = page(post("/staff/data-protection/hold").param("reference", "YA-7K3M-Q9P2")
			.param("reason", "")
			.param("reviewOnDay", "")
			.param("reviewOnMonth", "")
			.param("reviewOnYear", ""));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter why the message must be kept",
				"Enter the review date");
		assertThat(page.getElementById("reference").val()).isEqualTo("YA-7K3M-Q9P2");
		then(this.desk).should(never()).hold(any(), anyString(), anyString(), any());
	}

	@Test
	void aHoldReviewDateMustBeARealDateInTheFuture() throws Exception {
		Document notReal = page(hold("31", "2", "2027"));
		assertThat(PageSlice.errorSummary(notReal)).containsExactly("Review date must be a real date");
		assertThat(notReal.getElementById("reviewOn").val()).isEqualTo("31");
		assertThat(notReal.getElementById("reviewOn-month").val()).isEqualTo("2");
		assertThat(notReal.getElementById("reason").text()).isEqualTo("A complaint, ref C-17");

		assertThat(PageSlice.errorSummary(page(hold("23", "11", "2026"))))
			.containsExactly("Review date must be in the future");
		assertThat(PageSlice.errorSummary(page(hold("1", "", "2027"))))
			.containsExactly("Review date must include a month");
		then(this.desk).should(never()).hold(any(), anyString(), anyString(), any());
	}

	@Test
	void aHoldOnAMessageThatIsNotThereSaysSo() throws Exception {
		given(this.desk.hold(any(), anyString(), anyString(), any())).willReturn(false);

		Document page = page(hold("24", "11", "2026"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("There is no message with this reference whose details are still held");
	}

	@Test
	void liftingAHoldNeedsAReason() throws Exception {
		Document page = page(
				post("/staff/data-protection/lift").param("reference", "YA-7K3M-Q9P2").param("reason", ""));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter why the hold can be lifted");
		assertThat(page.getElementById("reference").val()).isEqualTo("YA-7K3M-Q9P2");
		then(this.desk).should(never()).lift(any(), anyString(), anyString());
	}

	@Test
	void theDeskShowsHoldsWithOverdueReviewsMarked() throws Exception {
		given(this.desk.holds()).willReturn(List.of(
				new LegalHolds.Held("YA-AAAA-BBBB",
						new LegalHold("Complaint C-1", LocalDate.of(2026, 11, 1), 1L, PageSlice.NOW)),
				new LegalHolds.Held("YA-CCCC-DDDD",
						new LegalHold("Court case", LocalDate.of(2027, 3, 1), 1L, PageSlice.NOW))));

		MvcResult result = this.mvc
			.perform(get("/staff/data-protection").with(PageSlice.signedIn(OFFICER, "ROLE_DATA_PROTECTION")))
			.andReturn();
		Document page = Pages.parse(result.getResponse().getContentAsString());

		assertThat(page.select("#holds tr[data-reference=YA-AAAA-BBBB] .ya-overdue").text())
			.isEqualTo("Review overdue");
		assertThat(page.select("#holds tr[data-reference=YA-CCCC-DDDD] .ya-overdue")).isEmpty();
		assertThat(page.select("#holds tr[data-reference=YA-CCCC-DDDD]").text()).contains("1 March 2027");
		assertThat(page.select("form[action*=?]")).as("nothing in an address").isEmpty();
		assertThat(page.select("#search").attr("method")).isEqualTo("post");
		then(this.desk).should(never()).find(any(), any());
		then(this.desk).should(never()).hold(any(), anyString(), anyString(), any());
	}

	private static MockHttpServletRequestBuilder search(String by, String term) {
		return post("/staff/data-protection/search").param("by", by).param("term", term);
	}

	private static MockHttpServletRequestBuilder hold(String day, String month, String year) {
		return post("/staff/data-protection/hold").param("reference", "YA-7K3M-Q9P2")
			.param("reason", "A complaint, ref C-17")
			.param("reviewOnDay", day)
			.param("reviewOnMonth", month)
			.param("reviewOnYear", year);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc
			.perform(request.with(PageSlice.signedIn(OFFICER, "ROLE_DATA_PROTECTION")).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Pages.parse(result.getResponse().getContentAsString());
	}

}
