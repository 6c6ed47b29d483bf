package uk.yourarea.coverage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.Phrase;

/**
 * One coverage upload's page: its progress, its preview, and applying, discarding or
 * previewing it again. Web editors and administrators only, as everything under
 * {@code /staff/coverage}.
 */
@Controller
@RequestMapping("/staff/coverage/imports")
class CoverageJobController {

	/** A line that cannot be used, as the page shows it. */
	record ShownLine(String fileName, long lineNumber, String reason) {
	}

	private final CoverageImports imports;

	private final UploadedFiles files;

	private final MessageSource messages;

	CoverageJobController(CoverageImports imports, UploadedFiles files, MessageSource messages) {
		this.imports = imports;
		this.files = files;
		this.messages = messages;
	}

	@GetMapping("/{id}")
	String job(@PathVariable long id, Model model) {
		return showJob(model, id, List.of());
	}

	@PostMapping("/{id}/apply")
	String apply(@PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		load(id);
		try {
			this.imports.apply(id, user);
		}
		catch (CoverageImports.NotApplicable ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return showJob(model, id, List.of(new FormError(null, words(ex))));
		}
		redirect.addFlashAttribute("notice", this.messages.getMessage("coverage.import.applying", null, Locale.UK));
		return "redirect:/staff/coverage/imports/" + id;
	}

	@PostMapping("/{id}/discard")
	String discard(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		load(id);
		try {
			this.imports.discard(id);
		}
		catch (CoverageImports.NotApplicable ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return showJob(model, id, List.of(new FormError(null, words(ex))));
		}
		redirect.addFlashAttribute("notice", this.messages.getMessage("coverage.import.discarded", null, Locale.UK));
		return "redirect:/staff/coverage/imports/" + id;
	}

	@PostMapping("/{id}/preview-again")
	String previewAgain(@PathVariable long id, Model model, HttpServletResponse response) {
		load(id);
		try {
			this.imports.previewAgain(id);
		}
		catch (CoverageImports.NotApplicable ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return showJob(model, id, List.of(new FormError(null, words(ex))));
		}
		return "redirect:/staff/coverage/imports/" + id;
	}

	/** Why a job cannot be done now, with any status among the reasons in words. */
	private String words(CoverageImports.NotApplicable refusal) {
		Object[] arguments = refusal.arguments();
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i] instanceof CoverageJob.Status status) {
				arguments[i] = text(status.inSentenceKey());
			}
		}
		return this.messages.getMessage(refusal.key(), arguments, Locale.UK);
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

	private String words(@Nullable Phrase phrase) {
		return (phrase != null) ? phrase.in(this.messages, Locale.UK) : "";
	}

	/** The names of the formats a job read: old rows hold the names themselves. */
	private String formats(@Nullable String codes) {
		if (codes == null || codes.isBlank()) {
			return "";
		}
		return Arrays.stream(codes.split(", "))
			.map((code) -> Arrays.stream(PostcodeImporter.Format.values())
				.filter((format) -> format.name().equals(code))
				.findFirst()
				.map((format) -> text(format.labelKey()))
				.orElse(code))
			.collect(Collectors.joining(", "));
	}

	private CoverageJob load(long id) {
		return this.imports.find(id).orElseThrow(() -> new NotFoundException("No coverage upload " + id));
	}

	private String showJob(Model model, long id, List<FormError> errors) {
		CoverageJob job = load(id);
		model.addAttribute("job", job);
		model.addAttribute("errors", errors);
		model.addAttribute("moves", this.imports.moves(id));
		model.addAttribute("phase", words(job.phase()));
		model.addAttribute("error", words(job.error()));
		model.addAttribute("formats", formats(job.format()));
		model.addAttribute("rejections",
				this.imports.rejections(id)
					.stream()
					.map((line) -> new ShownLine(line.fileName(), line.lineNumber(), words(line.reason())))
					.toList());
		model.addAttribute("boundaries",
				(job.kind() == CoverageJob.Kind.BOUNDARIES) ? this.imports.boundaries(id) : List.of());
		model.addAttribute("megabytesRead", megabytes(job.bytesRead()));
		model.addAttribute("megabytesTotal", megabytes(job.fileSize()));
		model.addAttribute("canPreviewAgain", job.stoppedOrReady()
				&& (job.kind() == CoverageJob.Kind.BOUNDARIES || this.files.exists(job.storedFile())));
		return "coverage/import";
	}

	private static String megabytes(long bytes) {
		return "%.1f MB".formatted(bytes / (1024.0 * 1024.0));
	}

}
