package uk.yourarea.area;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import uk.yourarea.map.NeighbourhoodMaps;
import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What a resident sees when what they typed in "Find your local policing team" is not a
 * postcode: the form again, with what they typed and what to do, and no lookup. The
 * answers for real postcodes are FindYourAreaIT's to check.
 */
@WebMvcTest(controllers = AreaController.class)
@ContextConfiguration(classes = FindYourAreaBadInputTests.Slice.class)
class FindYourAreaBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, AreaController.class })
	static class Slice {

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PostcodeLookup lookup;

	@MockitoBean
	PublicNeighbourhoods neighbourhoods;

	@MockitoBean
	AreaPages pages;

	@MockitoBean
	NeighbourhoodMaps maps;

	@Test
	void nothingTypedAsksForAPostcode() throws Exception {
		Document page = page("   ", 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter a postcode");
		assertThat(page.getElementById("postcode").val()).isEmpty();
	}

	@Test
	void somethingElseAsksForAFullPostcodeAndKeepsWhatWasTyped() throws Exception {
		Document page = page("my house", 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter a full UK postcode, like LE1 6ZG");
		assertThat(page.getElementById("postcode").val()).isEqualTo("my house");
		then(this.lookup).should(never()).find(any());
	}

	@Test
	void hiddenCharactersAreABadRequestAndComeBackTakenOut() throws Exception {
		Document page = page("LE18\u0007 1AA", 400);

		assertThat(PageSlice.errorSummary(page)).hasSize(1);
		assertThat(page.getElementById("postcode").val()).isEqualTo("LE18 1AA");
		then(this.lookup).should(never()).find(any());
	}

	@Test
	void farTooLongIsABadRequest() throws Exception {
		Document page = page("L".repeat(PostcodeSearch.LONGEST + 1), 400);

		assertThat(PageSlice.errorSummary(page)).hasSize(1);
		then(this.lookup).should(never()).find(any());
	}

	private Document page(String typed, int status) throws Exception {
		MvcResult result = this.mvc.perform(get("/find-your-area").param("postcode", typed)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return Pages.parse(result.getResponse().getContentAsString());
	}

}
