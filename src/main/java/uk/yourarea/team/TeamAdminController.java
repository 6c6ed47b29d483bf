package uk.yourarea.team;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.EditConflicts;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * Web editors and administrators look after a neighbourhood's team: its members in the
 * order the public page lists them, adding, changing, moving and removing them. The named
 * officer and photos have controllers of their own. Only editors reach
 * {@code /staff/neighbourhoods/{id}/team/**} (see the security configuration);
 * {@link TeamEditorsOnly} checks again.
 */
@Controller
@RequestMapping("/staff/neighbourhoods/{neighbourhoodId}/team")
class TeamAdminController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final TeamEditing team;

	private final EditConflicts conflicts;

	private final TeamPages pages;

	TeamAdminController(TeamEditing team, EditConflicts conflicts, TeamPages pages) {
		this.team = team;
		this.conflicts = conflicts;
		this.pages = pages;
	}

	@GetMapping
	String team(@PathVariable long neighbourhoodId, Model model) {
		NeighbourhoodSummary neighbourhood = this.team.neighbourhood(neighbourhoodId);
		List<TeamMember> members = this.team.teamOf(neighbourhoodId);
		TeamMember named = members.stream().filter(TeamMember::isNamedOfficer).findFirst().orElse(null);
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("members", members);
		model.addAttribute("named", named);
		model.addAttribute("namedConfirmedOn",
				(named != null && named.getNameConfirmedOn() != null) ? DAY.format(named.getNameConfirmedOn()) : null);
		model.addAttribute("staleWarning",
				(named != null && this.team.confirmationIsStale(named)) ? this.pages.text("team.stale-confirmation",
						named.getTitledName(), String.valueOf(TeamEditing.CONFIRMATION_MONTHS)) : null);
		return "team/team";
	}

	@GetMapping("/new")
	String newMember(@PathVariable long neighbourhoodId, Model model) {
		return this.pages.memberForm(model, this.team.neighbourhood(neighbourhoodId), null, TeamMemberForm.blank(),
				List.of(), null);
	}

	@PostMapping("/new")
	String add(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@Valid @ModelAttribute("form") TeamMemberForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		NeighbourhoodSummary neighbourhood = this.team.neighbourhood(neighbourhoodId);
		List<FormError> errors = FormErrors.inPageOrder(result, TeamMemberForm.FIELD_ORDER);
		if (!errors.isEmpty()) {
			return this.pages.memberForm(model, neighbourhood, null, form, errors, null);
		}
		TeamMember member = this.team.add(user, neighbourhoodId, form.details());
		redirect.addFlashAttribute("notice", this.pages.text("team.added", member.getTitledName()));
		return "redirect:" + TeamPages.base(neighbourhoodId);
	}

	@GetMapping("/{memberId}/edit")
	String edit(@PathVariable long neighbourhoodId, @PathVariable long memberId, Model model) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return this.pages.memberForm(model, this.team.neighbourhood(neighbourhoodId), member, TeamMemberForm.of(member),
				List.of(), null);
	}

	@PostMapping("/{memberId}/edit")
	String update(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") TeamMemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		NeighbourhoodSummary neighbourhood = this.team.neighbourhood(neighbourhoodId);
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		List<FormError> errors = FormErrors.inPageOrder(result, TeamMemberForm.FIELD_ORDER);
		if (!errors.isEmpty()) {
			return this.pages.memberForm(model, neighbourhood, member, form, errors, null);
		}
		try {
			return EditConflicts.saveOr(() -> {
				TeamMember saved = this.team.edit(user, neighbourhoodId, memberId,
						EditConflicts.openedAt(form.version()), form.details());
				redirect.addFlashAttribute("notice", this.pages.text("team.saved", saved.getTitledName()));
				return "redirect:" + TeamPages.base(neighbourhoodId);
			}, () -> {
				TeamMember current = this.team.member(neighbourhoodId, memberId);
				return this.conflicts.formAgain(TeamEditing.SUBJECT_TYPE, memberId, TeamEditing.formSnapshot(current),
						TeamEditing.formSnapshot(form.name(), form.chosenRole(), form.collarNumber(), form.bio(),
								form.bioCy()),
						(conflict, conflictErrors) -> this.pages.memberForm(model, neighbourhood, current,
								form.basedOn(current.getVersion()), conflictErrors, conflict));
			});
		}
		catch (TeamEditing.NamedOfficerRoleException ex) {
			return this.pages.memberForm(model, neighbourhood, member, form,
					List.of(new FormError("role", this.pages.text("team.member.role.named-officer", member.getName()))),
					null);
		}
	}

	@PostMapping("/{memberId}/move-up")
	String moveUp(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		return reorder(neighbourhoodId, memberId, user, -1, "team.moved-up", redirect);
	}

	@PostMapping("/{memberId}/move-down")
	String moveDown(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		return reorder(neighbourhoodId, memberId, user, 1, "team.moved-down", redirect);
	}

	private String reorder(long neighbourhoodId, long memberId, StaffUser user, int step, String movedKey,
			RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		try {
			this.team.reorder(user, neighbourhoodId, memberId, step);
			redirect.addFlashAttribute("notice", this.pages.text(movedKey, member.getTitledName()));
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problem", this.pages.text("team.order-changed-elsewhere"));
		}
		return "redirect:" + TeamPages.base(neighbourhoodId) + "#member-" + memberId;
	}

	@GetMapping("/{memberId}/move")
	String moveForm(@PathVariable long neighbourhoodId, @PathVariable long memberId, Model model) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return TeamPages.move(model, this.team.neighbourhood(neighbourhoodId), this.team.allNeighbourhoods(), member,
				null, member.getVersion(), List.of());
	}

	@PostMapping("/{memberId}/move")
	String move(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, @RequestParam(name = "to", required = false) @Nullable String to,
			@RequestParam(name = "version", required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		NeighbourhoodSummary neighbourhood = this.team.neighbourhood(neighbourhoodId);
		List<NeighbourhoodSummary> all = this.team.allNeighbourhoods();
		Long target = (to != null && to.matches("[0-9]{1,18}")) ? Long.valueOf(to) : null;
		NeighbourhoodSummary destination = all.stream()
			.filter((n) -> target != null && n.id() == target && n.id() != neighbourhoodId)
			.findFirst()
			.orElse(null);
		if (destination == null) {
			String message = this.pages
				.text((to == null || to.isBlank()) ? "team.move.to.required" : "team.move.to.not-listed");
			return TeamPages.move(model, neighbourhood, all, member, to, EditConflicts.openedAt(version),
					List.of(new FormError("to", message)));
		}
		return EditConflicts.saveOr(() -> {
			this.team.moveTo(user, neighbourhoodId, memberId, EditConflicts.openedAt(version), destination.id());
			redirect.addFlashAttribute("notice",
					this.pages.text("team.moved", member.getTitledName(), destination.name()));
			return "redirect:" + TeamPages.base(neighbourhoodId);
		}, () -> {
			TeamMember current = this.team.member(neighbourhoodId, memberId);
			return TeamPages.move(model, neighbourhood, all, current, to, current.getVersion(),
					List.of(new FormError("to", this.pages.changedMessage(current))));
		});
	}

	@GetMapping("/{memberId}/remove")
	String removeForm(@PathVariable long neighbourhoodId, @PathVariable long memberId, Model model) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return TeamPages.remove(model, this.team.neighbourhood(neighbourhoodId), member, List.of());
	}

	@PostMapping("/{memberId}/remove")
	String remove(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "version", required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return EditConflicts.saveOr(() -> {
			this.team.remove(user, neighbourhoodId, memberId, EditConflicts.openedAt(version));
			redirect.addFlashAttribute("notice", this.pages.text("team.removed", member.getTitledName()));
			return "redirect:" + TeamPages.base(neighbourhoodId);
		}, () -> {
			TeamMember current = this.team.member(neighbourhoodId, memberId);
			return TeamPages.remove(model, this.team.neighbourhood(neighbourhoodId), current,
					List.of(new FormError(null, this.pages.changedMessage(current))));
		});
	}

	@PostMapping("/{memberId}/confirm")
	String confirmDetails(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		try {
			this.team.confirmDetails(user, neighbourhoodId, memberId);
			redirect.addFlashAttribute("notice", this.pages.text("team.confirmed", member.getTitledName()));
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problem",
					this.pages.text("team.member-changed-elsewhere", member.getTitledName()));
		}
		return "redirect:" + TeamPages.base(neighbourhoodId);
	}

}
