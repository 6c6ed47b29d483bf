package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.EditConflict;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * One neighbourhood's coverage: its postcodes in numbers, its boundary, its postcodes
 * given by hand, and the ward codes it is made of (editable). Web editors and
 * administrators only (the security configuration keeps
 * {@code /staff/neighbourhoods/{id}/**} other than priorities and events to them).
 */
@Controller
@RequestMapping("/staff/neighbourhoods/{id}/coverage")
class NeighbourhoodCoverageController {

	private final CoverageEditing editing;

	private final ChangeLog changes;

	private final MessageSource messages;

	NeighbourhoodCoverageController(CoverageEditing editing, ChangeLog changes, MessageSource messages) {
		this.editing = editing;
		this.changes = changes;
		this.messages = messages;
	}

	@GetMapping
	String coverage(@PathVariable long id, Model model) {
		CoverageEditing.NeighbourhoodCoverage coverage = this.editing.of(id);
		return show(model, coverage, WardCodesForm.of(coverage.wardCodes(), coverage.wardsVersion()), List.of(), null);
	}

	@PostMapping
	String saveWards(@PathVariable long id, @AuthenticationPrincipal StaffUser user,
			@ModelAttribute("form") WardCodesForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		CoverageEditing.NeighbourhoodCoverage coverage = this.editing.of(id);
		List<FormError> errors = new ArrayList<>();
		WardCodesForm.Problem problem = form.problem();
		if (problem != null) {
			errors.add(new FormError("wardCodes", text(problem.key(), problem.arguments())));
		}
		else {
			try {
				long moved = this.editing.saveWards(user, id, form.codes(),
						(form.version() != null) ? form.version() : -1);
				redirect.addFlashAttribute("notice",
						text("coverage.wards.saved", coverage.neighbourhood().name(),
								(moved == 1) ? text("coverage.wards.one-postcode")
										: text("coverage.wards.postcodes", "%,d".formatted(moved))));
				return "redirect:/staff/neighbourhoods/" + id + "/coverage";
			}
			catch (CoverageEditing.WardsTaken ex) {
				List<String> messages = new ArrayList<>();
				ex.owners()
					.forEach((code, owner) -> messages
						.add(text("coverage.wards.taken", code, owner.label(), owner.name())));
				errors.add(new FormError("wardCodes", String.join(". ", messages)));
			}
			catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
				CoverageEditing.NeighbourhoodCoverage saved = this.editing.of(id);
				EditConflict conflict = this.changes.conflict(CoverageChangeRecords.SUBJECT_TYPE, id,
						CoverageEditing.wardsSnapshot(saved.wardCodes()), CoverageEditing.wardsSnapshot(form.codes()));
				response.setStatus(HttpStatus.CONFLICT.value());
				return show(model, saved, new WardCodesForm(form.wardCodes(), saved.wardsVersion()),
						List.of(new FormError("edit-conflict", conflict.message())), conflict);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return show(model, coverage, form, errors, null);
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

	private String show(Model model, CoverageEditing.NeighbourhoodCoverage coverage, WardCodesForm form,
			List<FormError> errors, @Nullable EditConflict conflict) {
		model.addAttribute("coverage", coverage);
		model.addAttribute("boundarySource",
				(coverage.boundarySource() != null) ? coverage.boundarySource().in(this.messages, Locale.UK) : null);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("conflict", conflict);
		return "coverage/neighbourhood";
	}

}
