package uk.yourarea.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.FormStamps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Addresses of the archive that no link gives: a page or an alert id that is not a
 * number, or is out of range, is a 404 without asking the archive for anything it cannot
 * answer; never a 400 or a 500.
 */
@WebMvcTest(controllers = { SubscribeController.class, AlertArchiveController.class })
@ContextConfiguration(classes = AlertArchiveBadInputTests.Slice.class)
class AlertArchiveBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, SubscribeController.class, AlertArchiveController.class })
	@EnableConfigurationProperties(AlertProperties.class)
	static class Slice {

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AlertSubscriptions subscriptions;

	@MockitoBean
	AlertArchive archive;

	@MockitoBean
	AlertFeed feed;

	@MockitoBean
	NeighbourhoodDirectory neighbourhoods;

	@MockitoBean
	FormStamps stamps;

	@BeforeEach
	void wigstonWithOnePageOfAlerts() {
		given(this.neighbourhoods.liveBySlug(eq("wigston"), any()))
			.willReturn(Optional.of(TestNeighbourhoods.live(53L, "wigston", "Wigston")));
		given(this.archive.page(53L, 1)).willReturn(
				Optional.of(
						new AlertArchive.ArchivePage(
								List.of(new AlertArchive.Listed(7, "Who comes when you call", AlertTopic.GENERAL,
										Instant.now(), LocalDate.of(2026, 11, 30), "Dear residents.", "en")),
								1, 1, 1)));
	}

	@Test
	void theFirstPageListsTheAlerts() throws Exception {
		MvcResult result = this.mvc.perform(get("/area/wigston/alerts")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Pages.parse(result.getResponse().getContentAsString());
		assertThat(page.select(".ya-alert-archive a").eachAttr("href")).containsExactly("/area/wigston/alerts/7");
		assertThat(page.select(".ya-alert-archive__alert").text()).contains("30 November 2026")
			.contains("News from the team")
			.contains("Dear residents.");
	}

	@Test
	void theFormShownAgainWithErrorsStillListsTheAlerts() throws Exception {
		MvcResult result = this.mvc.perform(post("/area/wigston/alerts").param("email", "").with(csrf())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		Document page = Pages.parse(result.getResponse().getContentAsString());
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".ya-alert-archive a").eachAttr("href")).containsExactly("/area/wigston/alerts/7");
	}

	@Test
	void aPageThatIsNotAPositiveNumberOrIsPastTheLastIsNotFound() throws Exception {
		for (String page : List.of("2", "0", "-1", "abc", "1.5", "1e2", "9".repeat(40), "", " 1")) {
			MvcResult result = this.mvc.perform(get("/area/wigston/alerts").param("page", page)).andReturn();

			assertThat(result.getResponse().getStatus()).as("page '%s'", page).isEqualTo(404);
		}
		then(this.archive).should(never()).page(anyLong(), eq(0));
	}

	@Test
	void anAlertIdThatIsNotANumberIsNotFoundWithoutAskingTheArchive() throws Exception {
		for (String id : List.of("abc", "-1", "1.0", "9".repeat(19), "7x", "1 ")) {
			MvcResult result = this.mvc.perform(get("/area/wigston/alerts/{id}", id)).andReturn();

			assertThat(result.getResponse().getStatus()).as("alert '%s'", id).isEqualTo(404);
		}
		then(this.archive).should(never()).alert(anyLong(), anyLong());
	}

	@Test
	void anAlertNotPublishedHereIsNotFound() throws Exception {
		given(this.archive.alert(8L, 53L)).willReturn(Optional.empty());

		assertThat(this.mvc.perform(get("/area/wigston/alerts/8")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/area/nowhere/alerts/8")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(this.mvc.perform(get("/area/nowhere/alerts.atom")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		then(this.archive).should(never()).page(anyLong(), anyInt());
	}

}
