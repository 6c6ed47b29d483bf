package uk.yourarea.coverage;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

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

/**
 * One coverage upload's page: its progress, its preview, and applying, discarding or
 * previewing it again. Web editors and administrators only, as everything under
 * {@code /staff/coverage}.
 */
@Controller
@RequestMapping("/staff/coverage/imports")
class CoverageJobController {

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
			return showJob(model, id, List.of(new FormError(null, ex.getMessage())));
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
			return showJob(model, id, List.of(new FormError(null, ex.getMessage())));
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
		model.addAttribute("canPreviewAgain", job.stoppedOrReady()
				&& (job.kind() == CoverageJob.Kind.BOUNDARIES || this.files.exists(job.storedFile())));
		return "coverage/import";
	}

	private static String megabytes(long bytes) {
		return "%.1f MB".formatted(bytes / (1024.0 * 1024.0));
	}

}
