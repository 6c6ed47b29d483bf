package uk.yourarea.admin;

import java.time.LocalDate;
import java.util.List;
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

import uk.yourarea.contact.ResponseRecord;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a web editor sees when the Guarantee page's filters were edited by hand: an area
 * not in the list, or a "show" that is neither choice, is the whole force, said so on the
 * page; something that is not a number at all is a bad request, with no report made. The
 * figures are GuaranteeIT's to check.
 */
@WebMvcTest(controllers = GuaranteeController.class)
@ContextConfiguration(classes = GuaranteeFilterBadInputTests.Slice.class)
class GuaranteeFilterBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, GuaranteeController.class })
	static class Slice {

	}

	static final StaffUser EDITOR = new StaffUser(2, "Robin Editor", "robin@example.org", Set.of(StaffRole.WEB_EDITOR),
			Set.of(), Set.of());

	static final long OADBY_AND_WIGSTON = 10;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GuaranteeReport guarantee;

	@MockitoBean
	StaffScope scope;

	@BeforeEach
	void twoAreasAndNoNeighbourhoods() {
		given(this.guarantee.areas()).willReturn(List.of(new GuaranteeReport.Area(11, "Blaby"),
				new GuaranteeReport.Area(OADBY_AND_WIGSTON, "Oadby and Wigston")));
		given(this.guarantee.report(any(), any())).willReturn(new GuaranteeReport.Report(LocalDate.of(2026, 11, 23),
				List.of(), List.of(), 0, ResponseRecord.NONE, null));
		given(this.scope.canEditEverything(EDITOR)).willReturn(true);
		given(this.scope.neighbourhoodIdsVisibleTo(EDITOR)).willReturn(Set.of());
	}

	@Test
	void anAreaInTheListIsShown() throws Exception {
		Document page = page(get("/staff/guarantee").param("area", "10"));

		assertThat(page.select("h2").first().text()).isEqualTo("In Oadby and Wigston");
		assertThat(page.select("#area option[selected]").attr("value")).isEqualTo("10");
		assertThat(page.getElementById("csv").attr("href")).isEqualTo("/staff/guarantee/guarantee.csv?area=10");
		then(this.guarantee).should().report(eq(OADBY_AND_WIGSTON), any());
	}

	@Test
	void anAreaNotInTheListShowsTheWholeForce() throws Exception {
		for (String area : List.of("999", "0", "-10", " 12 ")) {
			Document page = page(get("/staff/guarantee").param("area", area));

			assertThat(page.select("h2").first().text()).as(area).isEqualTo("Across the force");
			assertThat(page.select("#area option[selected]").attr("value")).as(area).isEmpty();
			assertThat(page.getElementById("csv").attr("href")).as(area).isEqualTo("/staff/guarantee/guarantee.csv");
		}
		then(this.guarantee).should(never()).report(anyLong(), any());
	}

	@Test
	void theCsvOfAnAreaNotInTheListHoldsTheWholeForceAsThePageDoes() throws Exception {
		for (String area : List.of("999", "0", "-10")) {
			MvcResult result = this.mvc
				.perform(get("/staff/guarantee/guarantee.csv").param("area", area).with(signedIn()))
				.andReturn();

			assertThat(result.getResponse().getStatus()).as(area).isEqualTo(200);
		}
		then(this.guarantee).should(times(3)).report(isNull(), any());
		then(this.guarantee).should(never()).report(anyLong(), any());
	}

	@Test
	void aBlankAreaShowsTheWholeForce() throws Exception {
		Document page = page(get("/staff/guarantee").param("area", ""));

		assertThat(page.select("h2").first().text()).isEqualTo("Across the force");
		then(this.guarantee).should().report(isNull(), any());
	}

	@Test
	void anAreaThatIsNotANumberIsABadRequest() throws Exception {
		for (String area : List.of("Blaby", "10; drop table neighbourhood", "<script>", "99999999999999999999",
				"1e3")) {
			MvcResult result = this.mvc.perform(get("/staff/guarantee").param("area", area).with(signedIn()))
				.andReturn();

			assertThat(result.getResponse().getStatus()).as(area).isEqualTo(400);
			assertThat(result.getResponse().getContentAsString()).as(area).doesNotContain(area);
		}
		then(this.guarantee).should(never()).report(any(), any());
	}

	@Test
	void theCsvOfAnAreaThatIsNotANumberIsABadRequest() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/staff/guarantee/guarantee.csv").param("area", "=HYPERLINK(\"x\")").with(signedIn()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		then(this.guarantee).should(never()).report(any(), any());
	}

	@Test
	void aShowThatIsNeitherChoiceShowsEveryNeighbourhood() throws Exception {
		for (String show : List.of("", "SHORTFALLS", "everything", "<b>")) {
			Document page = page(get("/staff/guarantee").param("show", show));

			assertThat(page.select("#show option[selected]").attr("value")).as(show).isEqualTo("all");
		}
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(signedIn())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Pages.parse(result.getResponse().getContentAsString());
	}

	private static RequestPostProcessor signedIn() {
		return PageSlice.signedIn(EDITOR, "ROLE_WEB_EDITOR");
	}

}
