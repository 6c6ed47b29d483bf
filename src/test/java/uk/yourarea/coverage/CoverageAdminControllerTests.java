package uk.yourarea.coverage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The staff coverage pages' answers to bad input, in seconds: only the coverage
 * controllers, with their checks, the real wording and the real templates, the services
 * behind them mocked. The security rules (editors and administrators only) are checked by
 * StaffRouteInventoryIT; the uploads themselves by CoverageUploadIT and
 * CoverageEditingIT.
 */
@WebMvcTest(useDefaultFilters = false)
@AutoConfigureMockMvc(addFilters = false)
@ContextConfiguration(classes = CoverageAdminControllerTests.Settings.class)
@Import({ CoverageAdminController.class, CoverageJobController.class, NeighbourhoodCoverageController.class,
		CoverageUploadChecks.class, FileLimits.class })
class CoverageAdminControllerTests {

	/**
	 * The slice's own configuration, instead of the application's, which would bring its
	 * JPA repositories: a slice has no database. Not annotated, so that neither the
	 * search for the application nor its component scan ever finds it.
	 */
	@EnableConfigurationProperties(CoverageProperties.class)
	@Import(PageSlice.class)
	static class Settings {

	}

	private static final StaffUser EDITOR = new StaffUser(7, "Web Editor", "webeditor@example.org",
			Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CoverageImports imports;

	@MockitoBean
	CoverageEditing editing;

	@MockitoBean
	CoverageNeighbourhoods neighbourhoods;

	@MockitoBean
	UploadedFiles files;

	@MockitoBean
	ChangeLog changes;

	@MockitoBean
	WardNameUploads wardNames;

	private ActingAs actingAs;

	@BeforeEach
	void signIn() {
		this.actingAs = ActingAs.staff(EDITOR);
		given(this.neighbourhoods.all()).willReturn(List.of(new CoverageNeighbourhoods.Choice(1, "NC04", "City")));
		given(this.wardNames.known()).willReturn(new WardNameUploads.Known(176, 0, 3));
	}

	@AfterEach
	void signOut() {
		this.actingAs.close();
	}

	@Test
	void aPostcodeUploadWithoutAFileAsksForOne() throws Exception {
		this.mvc.perform(multipart("/staff/coverage/postcodes"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("coverage/upload-postcodes"))
			.andExpect(content().string(containsString("Select a postcode file")));
		verifyNoInteractions(this.imports);
	}

	@Test
	void aPostcodeUploadOfAnotherKindOfFileSaysWhichAreRead() throws Exception {
		this.mvc.perform(multipart("/staff/coverage/postcodes").file(file("notes.txt", "LE1 6ZG")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(
					"The file must be a CSV file (.csv), a compressed CSV file (.csv.gz) or a zip file (.zip)")));
		verify(this.files, never()).store(any());
	}

	@Test
	void aBoundaryUploadWithoutAFileAndWithAnUnknownNeighbourhoodSaysBoth() throws Exception {
		this.mvc.perform(multipart("/staff/coverage/boundaries").param("neighbourhoodId", "not-a-number"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("coverage/upload-boundaries"))
			.andExpect(content().string(containsString("Select a boundary file")))
			.andExpect(content().string(containsString("Select a neighbourhood from the list")));
		verifyNoInteractions(this.imports);
	}

	@Test
	void aBoundaryFileThatIsNotGeoJsonIsRefusedWithWhatWasWrong() throws Exception {
		this.mvc.perform(multipart("/staff/coverage/boundaries").file(file("city.geojson", "{ not json")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The file cannot be used")));
		verifyNoInteractions(this.imports);
	}

	@Test
	void aWardNamesUploadWithoutAFileOrOfAnotherKindAsksForACsvFile() throws Exception {
		this.mvc.perform(multipart("/staff/coverage/wards"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("coverage/upload-wards"))
			.andExpect(content().string(containsString("Select a ward names file")));
		this.mvc.perform(multipart("/staff/coverage/wards").file(file("wards.zip", "PK")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The file must be a CSV file (.csv)")));
		verify(this.wardNames, never()).save(any(), any(), any());
	}

	@Test
	void aWardNamesFileWithBadLinesListsEachAndSavesNothing() throws Exception {
		String file = "WD24CD,WD24NM,WD24NMW\nE05001789,Castle,\nX1,Nowhere,\nE05001790,,\n";
		this.mvc.perform(multipart("/staff/coverage/wards").file(file("wards.csv", file)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("nothing was saved: 2 problems were found in it")))
			.andExpect(content().string(containsString("Line 3: &quot;X1&quot; is not a ward code like E05001789")))
			.andExpect(content().string(containsString("Line 4: ward E05001790 has no name")));
		verify(this.wardNames, never()).save(any(), any(), any());
	}

	@Test
	void aWardNamesFileIsSavedAndTheFormSaysHowMany() throws Exception {
		given(this.wardNames.save(any(), eq("wards.csv"), any())).willReturn(new WardNameUploads.Saved(2, 1));
		this.mvc
			.perform(multipart("/staff/coverage/wards")
				.file(file("wards.csv", "\uFEFFwd24cd,wd24nm\r\nE05001789,Castle\r\nE05001790,Westcotes\r\n")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/staff/coverage/wards"))
			.andExpect(flash().attribute("notice",
					"Ward names saved from wards.csv: 2 wards in the file, 1 name new or changed."));
		verify(this.wardNames).save(any(), eq("wards.csv"),
				eq(new WardNameLookup.Lookup(List.of(new WardNameLookup.Ward("E05001789", "Castle", null),
						new WardNameLookup.Ward("E05001790", "Westcotes", null)), false)));
	}

	@Test
	void anOverrideWithNothingTypedAsksForBothFields() throws Exception {
		this.mvc.perform(post("/staff/coverage/overrides").param("postcode", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("coverage/overrides"))
			.andExpect(content().string(containsString("Enter a postcode, like LE1 6ZG")))
			.andExpect(content().string(containsString("Select the neighbourhood to give the postcode to")));
		verify(this.editing, never()).setOverride(any(), any(), anyLong());
	}

	@Test
	void anOverrideOfSomethingThatIsNotAPostcodeAsksForAFullOne() throws Exception {
		this.mvc.perform(post("/staff/coverage/overrides").param("postcode", "LE1").param("neighbourhoodId", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a full postcode, like LE1 6ZG")));
		verify(this.editing, never()).setOverride(any(), any(), anyLong());
	}

	@Test
	void clearingSomethingThatIsNotAPostcodeSaysSo() throws Exception {
		this.mvc.perform(post("/staff/coverage/overrides/clear").param("postcode", "nonsense"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("That is not a postcode")));
		verify(this.editing, never()).clearOverride(any(), any());
	}

	@Test
	void anUploadThatCannotBeAppliedSaysWhy() throws Exception {
		given(this.imports.find(5)).willReturn(Optional.of(readyJob(5)));
		willThrow(new CoverageImports.NotApplicable("coverage.job.cannot-apply", CoverageJob.Status.APPLIED))
			.given(this.imports)
			.apply(eq(5L), any());
		this.mvc.perform(post("/staff/coverage/imports/5/apply"))
			.andExpect(status().isConflict())
			.andExpect(view().name("coverage/import"))
			.andExpect(content().string(containsString("This upload cannot be applied: it is applied.")));
	}

	@Test
	void anUploadThatDoesNotExistIsNotFound() throws Exception {
		given(this.imports.find(6)).willReturn(Optional.empty());
		this.mvc.perform(post("/staff/coverage/imports/6/discard")).andExpect(status().isNotFound());
		verify(this.imports, never()).discard(6);
	}

	@Test
	void wardCodesThatAreNotWardCodesAreRefusedWithTheWrongOnes() throws Exception {
		given(this.editing.of(1)).willReturn(new CoverageEditing.NeighbourhoodCoverage(
				new CoverageNeighbourhoods.Choice(1, "NC04", "City"), List.of(), 0, 0, null, List.of()));
		this.mvc
			.perform(
					post("/staff/neighbourhoods/1/coverage").param("wardCodes", "E05001789\nX99").param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("coverage/neighbourhood"))
			.andExpect(content().string(containsString("is not a ward code")));
		verify(this.editing, never()).saveWards(any(), anyLong(), any(), anyLong());
	}

	@Test
	void aWardAnotherNeighbourhoodHasIsRefusedNamingThatNeighbourhood() throws Exception {
		CoverageNeighbourhoods.Choice city = new CoverageNeighbourhoods.Choice(1, "NC04", "City");
		CoverageNeighbourhoods.Choice riverside = new CoverageNeighbourhoods.Choice(2, "NC05", "Riverside");
		given(this.editing.of(1))
			.willReturn(new CoverageEditing.NeighbourhoodCoverage(city, List.of(), 0, 0, null, List.of()));
		willThrow(new CoverageEditing.WardsTaken(Map.of("E05001789", riverside))).given(this.editing)
			.saveWards(any(), eq(1L), any(), anyLong());
		this.mvc.perform(post("/staff/neighbourhoods/1/coverage").param("wardCodes", "E05001789").param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("E05001789 is already in Riverside (NC05): a ward belongs to "
					+ "one neighbourhood. Remove it from Riverside first")));
	}

	private static CoverageJob readyJob(long id) {
		Instant made = Instant.parse("2026-01-05T10:00:00Z");
		return new CoverageJob(id, CoverageJob.Kind.POSTCODES, "le.csv", 100, "stored", CoverageJob.Status.READY, null,
				100, "ONS Postcode Directory", 3L, 3L, 0L, 3L, 0L, 0L, null, 1L, "Web Editor", made, made, made, null,
				null);
	}

	private static MockMultipartFile file(String name, String content) {
		return new MockMultipartFile("file", name, "application/octet-stream",
				content.getBytes(StandardCharsets.UTF_8));
	}

}
