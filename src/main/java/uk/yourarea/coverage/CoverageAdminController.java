package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * Postcode coverage for web editors and administrators (the security configuration allows
 * only them under {@code /staff/coverage}): the force's coverage at a glance, uploads of
 * postcode files and boundaries with their previews, and postcodes given to a
 * neighbourhood by hand.
 */
@Controller
@RequestMapping("/staff/coverage")
class CoverageAdminController {

	private static final int UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT.value();

	/** Problems listed on the boundary upload page; more are counted. */
	private static final int PROBLEMS_SHOWN = 20;

	private final CoverageImports imports;

	private final CoverageEditing editing;

	private final CoverageNeighbourhoods neighbourhoods;

	private final UploadedFiles files;

	private final CoverageProperties properties;

	private final ChangeLog changes;

	private final CoverageUploadChecks checks;

	private final WardNameUploads wardNames;

	CoverageAdminController(CoverageImports imports, CoverageEditing editing, CoverageNeighbourhoods neighbourhoods,
			UploadedFiles files, CoverageProperties properties, ChangeLog changes, CoverageUploadChecks checks,
			WardNameUploads wardNames) {
		this.checks = checks;
		this.wardNames = wardNames;
		this.imports = imports;
		this.editing = editing;
		this.neighbourhoods = neighbourhoods;
		this.files = files;
		this.properties = properties;
		this.changes = changes;
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("summary", this.editing.summary());
		model.addAttribute("neighbourhoods", this.editing.neighbourhoodSummaries());
		model.addAttribute("jobs", this.imports.recent(10));
		model.addAttribute("hasHistory",
				this.changes.hasHistory(CoverageChangeRecords.SUBJECT_TYPE, CoverageChangeRecords.WHOLE_FORCE));
		return "coverage/overview";
	}

	// Postcode files

	@GetMapping("/postcodes")
	String postcodeUpload(Model model) {
		return showPostcodeUpload(model, List.of());
	}

	@PostMapping("/postcodes")
	String uploadPostcodes(@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response) {
		String problem = this.checks.postcodeFileProblem(file);
		if (problem != null) {
			response.setStatus(UNPROCESSABLE);
			return showPostcodeUpload(model, List.of(new FormError("file", problem)));
		}
		String stored = this.files.store(file);
		String recognised = this.checks.unreadablePostcodeFile(this.files.path(stored), fileName(file));
		if (recognised != null) {
			this.files.delete(stored);
			response.setStatus(UNPROCESSABLE);
			return showPostcodeUpload(model, List.of(new FormError("file", recognised)));
		}
		long id = this.imports.startPostcodes(user, fileName(file), file.getSize(), stored);
		return "redirect:/staff/coverage/imports/" + id;
	}

	private String showPostcodeUpload(Model model, List<FormError> errors) {
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("maxSize", this.properties.maxPostcodeFileSize().toMegabytes() + " MB");
		return "coverage/upload-postcodes";
	}

	// Boundaries

	@GetMapping("/boundaries")
	String boundaryUpload(@RequestParam(name = "neighbourhood", required = false) @Nullable Long neighbourhoodId,
			Model model) {
		return showBoundaryUpload(model, neighbourhoodId, List.of(), List.of());
	}

	@PostMapping("/boundaries")
	String uploadBoundaries(@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "neighbourhoodId", required = false) @Nullable String neighbourhoodText, Model model,
			HttpServletResponse response) {
		List<CoverageNeighbourhoods.Choice> all = this.neighbourhoods.all();
		Long neighbourhoodId = null;
		Optional<CoverageNeighbourhoods.Choice> chosen = Optional.empty();
		if (neighbourhoodText != null && !neighbourhoodText.isBlank()) {
			neighbourhoodId = idOrMinusOne(neighbourhoodText.strip());
			long wanted = neighbourhoodId;
			chosen = all.stream().filter((choice) -> choice.id() == wanted).findFirst();
		}
		List<FormError> errors = new ArrayList<>();
		String fileProblem = this.checks.boundaryFileProblem(file);
		if (fileProblem != null) {
			errors.add(new FormError("file", fileProblem));
		}
		if (neighbourhoodId != null && chosen.isEmpty()) {
			errors.add(new FormError("neighbourhoodId", this.checks.text("coverage.upload.boundaries.neighbourhood")));
		}
		CoverageUploadChecks.BoundaryCheck check = errors.isEmpty() ? this.checks.boundaries(file, chosen, all)
				: new CoverageUploadChecks.BoundaryCheck(errors, List.of(), Map.of());
		if (!check.errors().isEmpty()) {
			response.setStatus(UNPROCESSABLE);
			return showBoundaryUpload(model, neighbourhoodId, check.errors(), check.problems());
		}
		long id = this.imports.startBoundaries(user, fileName(file), file.getSize(), check.boundaries());
		return "redirect:/staff/coverage/imports/" + id;
	}

	private static long idOrMinusOne(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return -1L;
		}
	}

	private String showBoundaryUpload(Model model, @Nullable Long neighbourhoodId, List<FormError> errors,
			List<String> problems) {
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("problems", problems.stream().limit(PROBLEMS_SHOWN).toList());
		model.addAttribute("moreProblems", Math.max(0, problems.size() - PROBLEMS_SHOWN));
		model.addAttribute("neighbourhoodChoices", this.neighbourhoods.all());
		model.addAttribute("selectedNeighbourhood", (neighbourhoodId != null) ? neighbourhoodId.toString() : "");
		model.addAttribute("maxSize", this.properties.maxBoundaryFileSize().toMegabytes() + " MB");
		return "coverage/upload-boundaries";
	}

	// Ward names

	@GetMapping("/wards")
	String wardNameUpload(Model model) {
		return showWardNameUpload(model, List.of(), List.of());
	}

	@PostMapping("/wards")
	String uploadWardNames(@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CoverageUploadChecks.WardCheck check = this.checks.wardNames(file);
		if (check.lookup() == null) {
			response.setStatus(UNPROCESSABLE);
			return showWardNameUpload(model, check.errors(), check.problems());
		}
		WardNameUploads.Saved saved = this.wardNames.save(user, fileName(file), check.lookup());
		redirect.addFlashAttribute("notice",
				this.checks.text("coverage.upload.wards.saved", fileName(file), saved.wards(), saved.changed()));
		return "redirect:/staff/coverage/wards";
	}

	private String showWardNameUpload(Model model, List<FormError> errors, List<String> problems) {
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("problems", problems.stream().limit(PROBLEMS_SHOWN).toList());
		model.addAttribute("moreProblems", Math.max(0, problems.size() - PROBLEMS_SHOWN));
		model.addAttribute("known", this.wardNames.known());
		model.addAttribute("maxSize", this.properties.maxWardFileSize().toMegabytes() + " MB");
		return "coverage/upload-wards";
	}

	// Postcodes given by hand

	@GetMapping("/overrides")
	String overrides(Model model) {
		return showOverrides(model, OverrideForm.blank(), List.of());
	}

	@PostMapping("/overrides")
	String setOverride(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") OverrideForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, OverrideForm.FIELD_ORDER));
		if (errors.isEmpty()) {
			Postcode postcode = Postcode.parse(Objects.requireNonNull(form.postcode())).orElseThrow();
			long neighbourhoodId = Objects.requireNonNull(form.neighbourhoodId());
			try {
				this.editing.setOverride(user, postcode, neighbourhoodId);
				String name = this.neighbourhoods.find(neighbourhoodId)
					.map(CoverageNeighbourhoods.Choice::name)
					.orElse("");
				redirect.addFlashAttribute("notice",
						this.checks.text("coverage.override.saved", postcode.value(), name));
				return "redirect:/staff/coverage/overrides";
			}
			catch (CoverageEditing.OverrideRefused ex) {
				errors.add(new FormError(ex.field(), this.checks.text(ex.key(), ex.arguments())));
			}
		}
		response.setStatus(UNPROCESSABLE);
		return showOverrides(model, form, errors);
	}

	@PostMapping("/overrides/clear")
	String clearOverride(@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "postcode", required = false) @Nullable String typed, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Optional<Postcode> postcode = Postcode.parse(typed);
		try {
			if (postcode.isEmpty()) {
				throw new CoverageEditing.OverrideRefused("postcode", "coverage.override.not-a-postcode");
			}
			String nowIn = this.editing.clearOverride(user, postcode.get());
			redirect.addFlashAttribute("notice", this.checks.text("coverage.override.cleared", postcode.get().value(),
					(nowIn != null) ? nowIn : this.checks.text("coverage.import.no-neighbourhood")));
			return "redirect:/staff/coverage/overrides";
		}
		catch (CoverageEditing.OverrideRefused ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return showOverrides(model, OverrideForm.blank(),
					List.of(new FormError(null, this.checks.text(ex.key(), ex.arguments()))));
		}
	}

	private String showOverrides(Model model, OverrideForm form, List<FormError> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("neighbourhoodChoices", this.neighbourhoods.all());
		model.addAttribute("overrides", this.editing.overrides());
		return "coverage/overrides";
	}

	private static String fileName(MultipartFile file) {
		return CoverageUploadChecks.fileName(file);
	}

}
