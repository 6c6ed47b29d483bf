package uk.yourarea.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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

import uk.yourarea.audit.EditConflicts;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * Web editors and administrators add, replace, describe and remove a team member's photo.
 */
@Controller
@RequestMapping("/staff/neighbourhoods/{neighbourhoodId}/team")
class TeamPhotoAdminController {

	private final TeamEditing team;

	private final EditConflicts conflicts;

	private final TeamPages pages;

	TeamPhotoAdminController(TeamEditing team, EditConflicts conflicts, TeamPages pages) {
		this.team = team;
		this.conflicts = conflicts;
		this.pages = pages;
	}

	@GetMapping("/{memberId}/photo")
	String photoForm(@PathVariable long neighbourhoodId, @PathVariable long memberId, Model model) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return TeamPages.photo(model, this.team.neighbourhood(neighbourhoodId), member, PhotoForm.of(member), List.of(),
				null);
	}

	@PostMapping("/{memberId}/photo")
	String uploadPhoto(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") PhotoForm form,
			BindingResult result, @RequestParam(name = "photo", required = false) @Nullable MultipartFile file,
			Model model, RedirectAttributes redirect) {
		NeighbourhoodSummary neighbourhood = this.team.neighbourhood(neighbourhoodId);
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		PhotoUpload upload = PhotoUpload.check(file, member.getPhotoPath() != null);
		List<FormError> errors = new ArrayList<>();
		if (upload.problemKey() != null) {
			errors.add(new FormError("photo", this.pages.text(upload.problemKey())));
		}
		errors.addAll(FormErrors.inPageOrder(result, List.of("alt", "altCy")));
		if (!errors.isEmpty()) {
			return TeamPages.photo(model, neighbourhood, member, form, errors, null);
		}
		String alt = Objects.requireNonNull(form.alt());
		PhotoChecks.Prepared prepared = upload.prepared();
		return EditConflicts.saveOr(() -> {
			if (prepared != null) {
				this.team.usePhoto(user, neighbourhoodId, memberId, EditConflicts.openedAt(form.version()), prepared,
						alt, form.altCy());
				redirect.addFlashAttribute("notice", this.pages.text("team.photo.saved", member.getTitledName()));
			}
			else {
				this.team.describePhoto(user, neighbourhoodId, memberId, EditConflicts.openedAt(form.version()), alt,
						form.altCy());
				redirect.addFlashAttribute("notice",
						this.pages.text("team.photo.description-saved", member.getTitledName()));
			}
			return "redirect:" + TeamPages.base(neighbourhoodId) + "#member-" + memberId;
		}, () -> {
			TeamMember current = this.team.member(neighbourhoodId, memberId);
			return this.conflicts.formAgain(TeamEditing.SUBJECT_TYPE, memberId,
					TeamEditing.photoSnapshot(current.getPhotoPath(), current.getPhotoAlt(), current.getPhotoAltCy()),
					TeamEditing.photoSnapshot(current.getPhotoPath(), alt, form.altCy()),
					(conflict, conflictErrors) -> {
						List<FormError> shown = new ArrayList<>(conflictErrors);
						if (prepared != null) {
							shown.add(new FormError("photo", this.pages.text("team.photo.again")));
						}
						return TeamPages.photo(model, neighbourhood, current,
								new PhotoForm(alt, current.getVersion(), form.altCy()), shown, conflict);
					});
		});
	}

	@PostMapping("/{memberId}/photo/remove")
	String removePhoto(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "version", required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return EditConflicts.saveOr(() -> {
			this.team.removePhoto(user, neighbourhoodId, memberId, EditConflicts.openedAt(version));
			redirect.addFlashAttribute("notice", this.pages.text("team.photo.removed", member.getTitledName()));
			return "redirect:" + TeamPages.base(neighbourhoodId) + "#member-" + memberId;
		}, () -> {
			TeamMember current = this.team.member(neighbourhoodId, memberId);
			return TeamPages.photo(model, this.team.neighbourhood(neighbourhoodId), current, PhotoForm.of(current),
					List.of(new FormError(null, this.pages.changedMessage(current))), null);
		});
	}

}
