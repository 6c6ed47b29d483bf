package uk.yourarea.team;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.yourarea.audit.EditConflicts;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * What a web editor sees when a team member's photo or its description is refused: the
 * form again (200), the file's problem before the description's, what they typed kept,
 * and nothing saved. The photo checks themselves are PhotoChecksTests'; the journeys
 * TeamAdminIT's.
 */
@WebMvcTest(controllers = TeamPhotoAdminController.class)
@ContextConfiguration(classes = TeamPhotoBadInputTests.Slice.class)
class TeamPhotoBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, TeamPhotoAdminController.class, TeamPages.class, TeamEditorsOnly.class })
	static class Slice {

	}

	static final StaffUser EDITOR = new StaffUser(2, "Web Editor", "webeditor@example.org",
			Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of());

	static final String PHOTO = "/staff/neighbourhoods/7/team/11/photo";

	static final String DESCRIBE = "Describe the photo for people who cannot see it, like PC Jordan Ellis, smiling, in uniform";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TeamEditing team;

	@MockitoBean
	EditConflicts conflicts;

	@MockitoBean
	StaffScope scope;

	@BeforeEach
	void aConstableWithoutAPhoto() {
		NeighbourhoodSummary wigston = TestNeighbourhoods.live(7L, "wigston", "Wigston");
		given(this.team.neighbourhood(7L)).willReturn(wigston);
		TeamMember constable = new TeamMember(7L, "Jordan Ellis", Role.PC, "4127", "", 0);
		ReflectionTestUtils.setField(constable, "id", 11L);
		given(this.team.member(7L, 11L)).willReturn(constable);
		given(this.scope.canEditEverything(any())).willReturn(true);
	}

	@Test
	void noFileAndNoDescriptionAsksForBothInTheOrderOfThePage() throws Exception {
		Document page = page(multipart(PHOTO).param("alt", "  ").param("version", "0"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select a photo", DESCRIBE);
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#photo", "#alt");
		nothingSaved();
	}

	@Test
	void filesThatAreNotAJpgOrPngPhotoAreRefusedWithTheDescriptionKept() throws Exception {
		Map<String, MockMultipartFile> files = Map.of("The selected file is a GIF: choose a photo that is a JPG or PNG",
				file("ellis.gif", TestImages.gif(400, 500)),
				"The selected file is an SVG drawing: choose a photo that is a JPG or PNG",
				file("ellis.svg", TestImages.svg()), "The selected file must be a JPG or PNG",
				file("ellis.jpg", "not a photo at all".getBytes(StandardCharsets.UTF_8)), "The selected file is empty",
				file("ellis.jpg", new byte[0]), "The photo must be at least 320 pixels wide and 400 pixels high",
				file("ellis.jpg", TestImages.jpeg(100, 100)));
		for (Map.Entry<String, MockMultipartFile> refused : files.entrySet()) {
			Document page = page(
					multipart(PHOTO).file(refused.getValue()).param("alt", "PC Ellis, smiling").param("version", "0"));

			assertThat(PageSlice.errorSummary(page)).as(refused.getKey()).containsExactly(refused.getKey());
			assertThat(page.getElementById("alt").val()).as(refused.getKey()).isEqualTo("PC Ellis, smiling");
		}
		nothingSaved();
	}

	@Test
	void aGoodPhotoWithATooLongDescriptionIsNotSaved() throws Exception {
		String alt = "d".repeat(201);

		Document page = page(multipart(PHOTO).file(file("ellis.jpg", TestImages.jpeg(320, 400)))
			.param("alt", alt)
			.param("version", "0"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("The description must be 200 characters or fewer");
		assertThat(page.getElementById("alt").val()).isEqualTo(alt);
		nothingSaved();
	}

	private static MockMultipartFile file(String name, byte[] bytes) {
		return new MockMultipartFile("photo", name, "application/octet-stream", bytes);
	}

	private void nothingSaved() {
		then(this.team).should(never()).usePhoto(any(), anyLong(), anyLong(), anyLong(), any(), anyString(), any());
		then(this.team).should(never()).describePhoto(any(), anyLong(), anyLong(), anyLong(), anyString(), any());
	}

	private Document page(MockMultipartHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(signedIn()).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Pages.parse(result.getResponse().getContentAsString());
	}

	private static RequestPostProcessor signedIn() {
		return PageSlice.signedIn(EDITOR, "ROLE_WEB_EDITOR");
	}

}
