package uk.yourarea.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
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
import uk.yourarea.web.NotFoundException;

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

	private final FileLimits limits;

	CoverageAdminController(CoverageImports imports, CoverageEditing editing, CoverageNeighbourhoods neighbourhoods,
			UploadedFiles files, CoverageProperties properties, ChangeLog changes, FileLimits limits) {
		this.limits = limits;
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
		model.addAttribute("hasHistory", !this.changes.historyOf("coverage", CoverageImports.WHOLE_FORCE).isEmpty());
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
		String problem = postcodeFileProblem(file);
		if (problem != null) {
			response.setStatus(UNPROCESSABLE);
			return showPostcodeUpload(model, List.of(new FormError("file", problem)));
		}
		String stored = this.files.store(file);
		String recognised = checkAndRecognise(this.files.path(stored), fileName(file));
		if (recognised != null) {
			this.files.delete(stored);
			response.setStatus(UNPROCESSABLE);
			return showPostcodeUpload(model, List.of(new FormError("file", recognised)));
		}
		long id = this.imports.startPostcodes(user, fileName(file), file.getSize(), stored);
		return "redirect:/staff/coverage/imports/" + id;
	}

	private @Nullable String postcodeFileProblem(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty() || fileName(file).isBlank()) {
			return "Select a postcode file";
		}
		if (UploadedFiles.packingOf(fileName(file)) == null) {
			return "The file must be a CSV file (.csv), a compressed CSV file (.csv.gz) or a zip file (.zip)";
		}
		if (file.getSize() > this.properties.maxPostcodeFileSize().toBytes()) {
			return "The file must be " + this.properties.maxPostcodeFileSize().toMegabytes() + " MB or smaller";
		}
		return null;
	}

	/**
	 * Why a kept file is not a postcode file we read, or passes a limit on what it
	 * unpacks to ({@link FileLimits}); null when neither.
	 */
	private @Nullable String checkAndRecognise(Path file, String fileName) {
		UploadedFiles.Packing packing = java.util.Objects.requireNonNull(UploadedFiles.packingOf(fileName));
		try {
			UploadedFiles.check(file, packing, this.limits);
			PostcodeImporter.recognise(UploadedFiles.firstLine(file, packing, this.limits));
			return null;
		}
		catch (FileLimits.Exceeded ex) {
			return ex.getMessage();
		}
		catch (IllegalArgumentException ex) {
			return "The file is not an OS Code-Point Open or ONS Postcode Directory file. " + ex.getMessage();
		}
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
			try {
				neighbourhoodId = Long.valueOf(neighbourhoodText.strip());
			}
			catch (NumberFormatException ex) {
				neighbourhoodId = -1L;
			}
			long wanted = neighbourhoodId;
			chosen = all.stream().filter((choice) -> choice.id() == wanted).findFirst();
		}
		List<FormError> errors = new ArrayList<>();
		if (neighbourhoodId != null && chosen.isEmpty()) {
			errors.add(new FormError("neighbourhoodId", "Select a neighbourhood from the list"));
		}
		if (file == null || file.isEmpty() || fileName(file).isBlank()) {
			errors.add(0, new FormError("file", "Select a boundary file"));
		}
		else if (!BoundaryFiles.isBoundaryFileName(fileName(file))) {
			errors.add(0, new FormError("file",
					"The file must be GeoJSON (.geojson or .json), KML (.kml) or a zip file (.zip) of them"));
		}
		else if (file.getSize() > this.properties.maxBoundaryFileSize().toBytes()) {
			errors.add(0, new FormError("file",
					"The file must be " + this.properties.maxBoundaryFileSize().toMegabytes() + " MB or smaller"));
		}
		if (!errors.isEmpty()) {
			response.setStatus(UNPROCESSABLE);
			return showBoundaryUpload(model, neighbourhoodId, errors, List.of());
		}
		List<BoundaryFiles.Feature> features;
		try {
			features = BoundaryFiles.read(fileName(file), bytes(file),
					this.limits.forBoundaries(this.properties.maxBoundaryFileSize()));
		}
		catch (FileLimits.Exceeded ex) {
			response.setStatus(UNPROCESSABLE);
			return showBoundaryUpload(model, neighbourhoodId, List.of(new FormError("file", ex.getMessage())),
					List.of());
		}
		catch (BoundaryFiles.Problems ex) {
			response.setStatus(UNPROCESSABLE);
			return showBoundaryUpload(model, neighbourhoodId, List.of(new FormError("file", summary(ex.problems()))),
					ex.problems());
		}
		Map<Long, List<BoundaryFiles.Feature>> byNeighbourhood = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		if (chosen.isPresent()) {
			byNeighbourhood.put(chosen.get().id(), features);
		}
		else {
			for (BoundaryFiles.Feature feature : features) {
				Optional<CoverageNeighbourhoods.Choice> match = CoverageNeighbourhoods.match(feature.names(), all);
				if (match.isEmpty()) {
					problems.add(feature.label() + (feature.names().isEmpty()
							? " does not say which neighbourhood it is for (give it a \"code\" or \"name\" property)"
							: " names no known neighbourhood: " + String.join(", ",
									feature.names().stream().map((name) -> "\"" + name + "\"").toList())));
				}
				else {
					byNeighbourhood.computeIfAbsent(match.get().id(), (id) -> new ArrayList<>()).add(feature);
				}
			}
		}
		if (!problems.isEmpty()) {
			response.setStatus(UNPROCESSABLE);
			String message = (problems.size() == 1) ? problems.get(0)
					: problems.size() + " boundaries in the file name no known neighbourhood. Give each a code or "
							+ "name of one of our neighbourhoods, or choose the neighbourhood below";
			return showBoundaryUpload(model, neighbourhoodId, List.of(new FormError("file", message)), problems);
		}
		Map<Long, CoverageImports.BoundaryUpload> boundaries = new LinkedHashMap<>();
		byNeighbourhood.forEach((id, parts) -> {
			Geometry merged = Boundaries.GEOMETRY
				.buildGeometry(parts.stream().map(BoundaryFiles.Feature::geometry).toList())
				.union();
			boundaries.put(id, new CoverageImports.BoundaryUpload(
					String.join("; ", parts.stream().map(BoundaryFiles.Feature::label).toList()), merged));
		});
		long id = this.imports.startBoundaries(user, fileName(file), file.getSize(), boundaries);
		return "redirect:/staff/coverage/imports/" + id;
	}

	private static String summary(List<String> problems) {
		return (problems.size() == 1) ? "The file cannot be used: " + problems.get(0)
				: "The file cannot be used: " + problems.size() + " problems were found in it";
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

	// Uploads: progress, preview, apply

	@GetMapping("/imports/{id}")
	String job(@PathVariable long id, Model model) {
		return showJob(model, id, List.of());
	}

	@PostMapping("/imports/{id}/apply")
	String apply(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		load(id);
		try {
			this.imports.apply(id, user);
		}
		catch (CoverageImports.NotApplicable ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return showJob(model, id, List.of(new FormError(null, ex.getMessage())));
		}
		redirect.addFlashAttribute("notice", "The upload is being applied. This page shows when it has finished.");
		return "redirect:/staff/coverage/imports/" + id;
	}

	@PostMapping("/imports/{id}/discard")
	String discard(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		load(id);
		try {
			this.imports.discard(id);
		}
		catch (CoverageImports.NotApplicable ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return showJob(model, id, List.of(new FormError(null, ex.getMessage())));
		}
		redirect.addFlashAttribute("notice", "The upload has been discarded. Nothing was changed.");
		return "redirect:/staff/coverage/imports/" + id;
	}

	@PostMapping("/imports/{id}/preview-again")
	String previewAgain(@PathVariable long id, Model model, HttpServletResponse response) {
		load(id);
		try {
			this.imports.previewAgain(id);
		}
		catch (CoverageImports.NotApplicable ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return showJob(model, id, List.of(new FormError(null, ex.getMessage())));
		}
		return "redirect:/staff/coverage/imports/" + id;
	}

	private CoverageJob load(long id) {
		return this.imports.find(id).orElseThrow(() -> new NotFoundException("No coverage upload " + id));
	}

	private String showJob(Model model, long id, List<FormError> errors) {
		CoverageJob job = load(id);
		model.addAttribute("job", job);
		model.addAttribute("errors", errors);
		model.addAttribute("moves", this.imports.moves(id));
		model.addAttribute("rejections", this.imports.rejections(id));
		model.addAttribute("boundaries",
				(job.kind() == CoverageJob.Kind.BOUNDARIES) ? this.imports.boundaries(id) : List.of());
		model.addAttribute("megabytesRead", megabytes(job.bytesRead()));
		model.addAttribute("megabytesTotal", megabytes(job.fileSize()));
		model.addAttribute("canPreviewAgain",
				(job.status() == CoverageJob.Status.FAILED || job.status() == CoverageJob.Status.INTERRUPTED
						|| job.status() == CoverageJob.Status.READY)
						&& (job.kind() == CoverageJob.Kind.BOUNDARIES || this.files.exists(job.storedFile())));
		return "coverage/import";
	}

	private static String megabytes(long bytes) {
		return "%.1f MB".formatted(bytes / (1024.0 * 1024.0));
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
		Map<String, String> byField = FormErrors.byField(errors);
		Optional<Postcode> postcode = Optional.empty();
		if (!byField.containsKey("postcode")) {
			postcode = Postcode.parse(form.postcode());
			if (postcode.isEmpty()) {
				errors.add(0, new FormError("postcode", "Enter a full postcode, like LE1 6ZG"));
			}
		}
		if (errors.isEmpty() && postcode.isPresent()) {
			try {
				this.editing.setOverride(user, postcode.get(),
						java.util.Objects.requireNonNull(form.neighbourhoodId()));
				String name = this.neighbourhoods.find(form.neighbourhoodId())
					.map(CoverageNeighbourhoods.Choice::name)
					.orElse("");
				redirect.addFlashAttribute("notice", postcode.get().value() + " now belongs to " + name
						+ ", whatever boundaries, wards and postcode files say.");
				return "redirect:/staff/coverage/overrides";
			}
			catch (CoverageEditing.OverrideRefused ex) {
				String field = ex.getMessage().startsWith("Select") ? "neighbourhoodId" : "postcode";
				errors.add(new FormError(field, ex.getMessage()));
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
				throw new CoverageEditing.OverrideRefused("That is not a postcode");
			}
			String nowIn = this.editing.clearOverride(user, postcode.get());
			redirect.addFlashAttribute("notice", postcode.get().value()
					+ " is no longer given by hand. Its boundaries and ward put it in: " + nowIn + ".");
			return "redirect:/staff/coverage/overrides";
		}
		catch (CoverageEditing.OverrideRefused ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return showOverrides(model, OverrideForm.blank(), List.of(new FormError(null, ex.getMessage())));
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

	// Helpers

	private static String fileName(MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null) {
			return "";
		}
		// Some browsers send the whole path.
		return name.replaceAll(".*[/\\\\]", "").strip();
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
