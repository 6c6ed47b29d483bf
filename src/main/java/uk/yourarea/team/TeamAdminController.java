package uk.yourarea.team;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
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
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.EditConflict;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * Web editors and administrators look after a neighbourhood's team: its members in the
 * order the public page lists them, the named officer, and photos. Only they reach
 * {@code /staff/neighbourhoods/{id}/team/**} (see the security configuration); this
 * controller checks again.
 */
@Controller
@RequestMapping("/staff/neighbourhoods/{neighbourhoodId}/team")
class TeamAdminController {

	static final String NO_NAMED_OFFICER = "none";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final TeamEditing team;

	private final ChangeLog changeLog;

	private final StaffScope scope;

	TeamAdminController(TeamEditing team, ChangeLog changeLog, StaffScope scope) {
		this.team = team;
		this.changeLog = changeLog;
		this.scope = scope;
	}

	@ModelAttribute
	void onlyEditors(@AuthenticationPrincipal StaffUser user, Model model) {
		if (!this.scope.canEditEverything(user)) {
			throw new AccessDeniedException("Only web editors and administrators edit teams");
		}
		model.addAttribute("currentNav", "neighbourhoods");
	}

	@GetMapping
	String team(@PathVariable long neighbourhoodId, Model model) {
		Neighbourhood neighbourhood = this.team.neighbourhood(neighbourhoodId);
		List<TeamMember> members = this.team.teamOf(neighbourhoodId);
		TeamMember named = members.stream().filter(TeamMember::isNamedOfficer).findFirst().orElse(null);
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("members", members);
		model.addAttribute("named", named);
		model.addAttribute("namedConfirmedOn",
				(named != null && named.getNameConfirmedOn() != null) ? DAY.format(named.getNameConfirmedOn()) : null);
		model.addAttribute("staleWarning",
				(named != null && this.team.confirmationIsStale(named)) ? named.getTitledName()
						+ "'s details were last confirmed more than " + TeamEditing.CONFIRMATION_MONTHS
						+ " months ago. The Your Area Guarantee needs a named officer whose details were confirmed in "
						+ "the last " + TeamEditing.CONFIRMATION_MONTHS
						+ " months: check them with the officer, then confirm them." : null);
		return "team/team";
	}

	@GetMapping("/new")
	String newMember(@PathVariable long neighbourhoodId, Model model) {
		return showMemberForm(model, this.team.neighbourhood(neighbourhoodId), null, TeamMemberForm.blank(), List.of(),
				null);
	}

	@PostMapping("/new")
	String add(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@Valid @ModelAttribute("form") TeamMemberForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Neighbourhood neighbourhood = this.team.neighbourhood(neighbourhoodId);
		List<FormError> errors = FormErrors.inPageOrder(result, TeamMemberForm.FIELD_ORDER);
		if (!errors.isEmpty()) {
			return showMemberForm(model, neighbourhood, null, form, errors, null);
		}
		TeamMember member = this.team.add(user, neighbourhoodId, form.details());
		redirect.addFlashAttribute("notice", member.getTitledName() + " has been added to the team");
		return "redirect:/staff/neighbourhoods/" + neighbourhoodId + "/team";
	}

	@GetMapping("/{memberId}/edit")
	String edit(@PathVariable long neighbourhoodId, @PathVariable long memberId, Model model) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return showMemberForm(model, this.team.neighbourhood(neighbourhoodId), member, TeamMemberForm.of(member),
				List.of(), null);
	}

	@PostMapping("/{memberId}/edit")
	String update(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") TeamMemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = this.team.neighbourhood(neighbourhoodId);
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		List<FormError> errors = FormErrors.inPageOrder(result, TeamMemberForm.FIELD_ORDER);
		if (!errors.isEmpty()) {
			return showMemberForm(model, neighbourhood, member, form, errors, null);
		}
		try {
			TeamMember saved = this.team.edit(user, neighbourhoodId, memberId, versionOf(form.version()),
					form.details());
			redirect.addFlashAttribute("notice", "The changes to " + saved.getTitledName() + " have been saved");
			return "redirect:/staff/neighbourhoods/" + neighbourhoodId + "/team";
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			TeamMember current = this.team.member(neighbourhoodId, memberId);
			EditConflict conflict = this.changeLog.conflict(TeamEditing.SUBJECT_TYPE, memberId,
					TeamEditing.formSnapshot(current),
					TeamEditing.formSnapshot(form.name(), form.chosenRole(), form.collarNumber(), form.bio()));
			return showMemberForm(model, neighbourhood, current, form.basedOn(current.getVersion()),
					List.of(new FormError("edit-conflict", conflict.message())), conflict);
		}
		catch (TeamEditing.NamedOfficerRoleException ex) {
			return showMemberForm(model, neighbourhood, member, form,
					List.of(new FormError("role",
							member.getName()
									+ " is the named officer, who must be a PC or a PCSO. Choose another named officer "
									+ "first, then change their role")),
					null);
		}
	}

	@PostMapping("/{memberId}/move-up")
	String moveUp(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		return reorder(neighbourhoodId, memberId, user, -1, "up", redirect);
	}

	@PostMapping("/{memberId}/move-down")
	String moveDown(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		return reorder(neighbourhoodId, memberId, user, 1, "down", redirect);
	}

	private String reorder(long neighbourhoodId, long memberId, StaffUser user, int step, String direction,
			RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		try {
			this.team.reorder(user, neighbourhoodId, memberId, step);
			redirect.addFlashAttribute("notice", member.getTitledName() + " has been moved " + direction);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problem",
					"Someone else changed the team at the same time. Check the order below, then try again.");
		}
		return "redirect:/staff/neighbourhoods/" + neighbourhoodId + "/team#member-" + memberId;
	}

	@GetMapping("/{memberId}/move")
	String moveForm(@PathVariable long neighbourhoodId, @PathVariable long memberId, Model model) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return showMove(model, neighbourhoodId, member, null, member.getVersion(), List.of());
	}

	@PostMapping("/{memberId}/move")
	String move(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, @RequestParam(name = "to", required = false) @Nullable String to,
			@RequestParam(name = "version", required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		Long target = parseId(to);
		boolean known = target != null && target != neighbourhoodId
				&& this.team.allNeighbourhoods().stream().anyMatch((n) -> n.getId().equals(target));
		if (!known) {
			String message = (to == null || to.isBlank()) ? "Select the neighbourhood to move them to"
					: "Select a different neighbourhood from the list";
			return showMove(model, neighbourhoodId, member, to, versionOf(version),
					List.of(new FormError("to", message)));
		}
		try {
			this.team.moveTo(user, neighbourhoodId, memberId, versionOf(version), target);
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			TeamMember current = this.team.member(neighbourhoodId, memberId);
			return showMove(model, neighbourhoodId, current, to, current.getVersion(),
					List.of(new FormError("to", changedMessage(current))));
		}
		Neighbourhood destination = this.team.neighbourhood(target);
		redirect.addFlashAttribute("notice",
				member.getTitledName() + " has been moved to the " + destination.getName() + " team");
		return "redirect:/staff/neighbourhoods/" + neighbourhoodId + "/team";
	}

	@GetMapping("/{memberId}/remove")
	String removeForm(@PathVariable long neighbourhoodId, @PathVariable long memberId, Model model) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return showRemove(model, neighbourhoodId, member, List.of());
	}

	@PostMapping("/{memberId}/remove")
	String remove(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "version", required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		try {
			this.team.remove(user, neighbourhoodId, memberId, versionOf(version));
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			TeamMember current = this.team.member(neighbourhoodId, memberId);
			return showRemove(model, neighbourhoodId, current, List.of(new FormError(null, changedMessage(current))));
		}
		redirect.addFlashAttribute("notice", member.getTitledName() + " has been removed from the team");
		return "redirect:/staff/neighbourhoods/" + neighbourhoodId + "/team";
	}

	@GetMapping("/named-officer")
	String namedOfficerForm(@PathVariable long neighbourhoodId, Model model) {
		String selected = this.team.teamOf(neighbourhoodId)
			.stream()
			.filter(TeamMember::isNamedOfficer)
			.findFirst()
			.map((member) -> member.getId().toString())
			.orElse(null);
		return showNamedOfficer(model, neighbourhoodId, selected, false, List.of());
	}

	@PostMapping("/named-officer")
	String chooseNamedOfficer(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "officer", required = false) @Nullable String officer,
			@RequestParam(name = "confirmed", required = false) @Nullable String confirmed, Model model,
			RedirectAttributes redirect) {
		List<TeamMember> members = this.team.teamOf(neighbourhoodId);
		boolean isConfirmed = "yes".equals(confirmed);
		List<FormError> errors = new ArrayList<>();
		Long memberId = parseId(officer);
		TeamMember chosen = members.stream().filter((m) -> m.getId().equals(memberId)).findFirst().orElse(null);
		boolean nobody = NO_NAMED_OFFICER.equals(officer);
		if (!nobody && chosen == null) {
			errors.add(new FormError("officer", (officer == null || officer.isBlank())
					? "Select the named officer, or no named officer" : "Select the named officer from the list"));
		}
		else if (chosen != null && !chosen.getRole().canBeNamedOfficer()) {
			errors.add(new FormError("officer", "Only a PC or a PCSO can be the named officer: "
					+ chosen.getTitledName() + " is a " + chosen.getRole().title()));
		}
		if (chosen != null && !isConfirmed) {
			errors.add(new FormError("confirmed",
					"Confirm that you have checked their name, role and collar number with them"));
		}
		if (!errors.isEmpty()) {
			return showNamedOfficer(model, neighbourhoodId, officer, isConfirmed, errors);
		}
		try {
			this.team.chooseNamedOfficer(user, neighbourhoodId, nobody ? null : memberId);
		}
		catch (TeamEditing.NotEligibleException ex) {
			return showNamedOfficer(model, neighbourhoodId, officer, isConfirmed,
					List.of(new FormError("officer", "Only a PC or a PCSO can be the named officer")));
		}
		catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException ex) {
			return showNamedOfficer(model, neighbourhoodId, officer, isConfirmed, List.of(new FormError("officer",
					"Someone else changed the named officer at the same time. Check the team, then choose again")));
		}
		redirect.addFlashAttribute("notice", nobody ? "The neighbourhood has no named officer now"
				: Objects.requireNonNull(chosen).getTitledName() + " is now the named officer, confirmed today");
		return "redirect:/staff/neighbourhoods/" + neighbourhoodId + "/team";
	}

	@PostMapping("/{memberId}/confirm")
	String confirmDetails(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		try {
			this.team.confirmDetails(user, neighbourhoodId, memberId);
			redirect.addFlashAttribute("notice", member.getTitledName() + "'s details have been confirmed today");
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problem",
					"Someone else changed " + member.getTitledName() + " at the same time. Check, then try again.");
		}
		return "redirect:/staff/neighbourhoods/" + neighbourhoodId + "/team";
	}

	@GetMapping("/{memberId}/photo")
	String photoForm(@PathVariable long neighbourhoodId, @PathVariable long memberId, Model model) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		return showPhoto(model, neighbourhoodId, member, PhotoForm.of(member), List.of());
	}

	@PostMapping("/{memberId}/photo")
	String uploadPhoto(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") PhotoForm form,
			BindingResult result, @RequestParam(name = "photo", required = false) @Nullable MultipartFile file,
			Model model, RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		boolean chosen = file != null && !file.isEmpty();
		PhotoChecks.Prepared prepared = null;
		FormError fileError = null;
		if (!chosen) {
			String original = (file != null) ? file.getOriginalFilename() : null;
			boolean namedButEmpty = original != null && !original.isBlank();
			if (namedButEmpty) {
				fileError = new FormError("photo", PhotoChecks.Problem.EMPTY.message());
			}
			else if (member.getPhotoPath() == null) {
				fileError = new FormError("photo", "Select a photo");
			}
		}
		else if (file.getSize() > PhotoChecks.MAX_BYTES) {
			fileError = new FormError("photo", PhotoChecks.Problem.TOO_BIG.message());
		}
		else {
			try {
				prepared = PhotoChecks.prepare(file.getBytes());
			}
			catch (PhotoChecks.Rejected ex) {
				fileError = new FormError("photo", ex.problem().message());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		List<FormError> errors = new ArrayList<>();
		if (fileError != null) {
			errors.add(fileError);
		}
		errors.addAll(FormErrors.inPageOrder(result, List.of("alt")));
		if (!errors.isEmpty()) {
			return showPhoto(model, neighbourhoodId, member, form, errors);
		}
		String alt = Objects.requireNonNull(form.alt());
		try {
			if (prepared != null) {
				this.team.usePhoto(user, neighbourhoodId, memberId, versionOf(form.version()), prepared, alt);
				redirect.addFlashAttribute("notice", "The photo of " + member.getTitledName() + " has been saved");
			}
			else {
				this.team.describePhoto(user, neighbourhoodId, memberId, versionOf(form.version()), alt);
				redirect.addFlashAttribute("notice",
						"The description of " + member.getTitledName() + "'s photo has been saved");
			}
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			TeamMember current = this.team.member(neighbourhoodId, memberId);
			EditConflict conflict = this.changeLog.conflict(TeamEditing.SUBJECT_TYPE, memberId,
					TeamEditing.photoSnapshot(current.getPhotoPath(), current.getPhotoAlt()),
					TeamEditing.photoSnapshot(current.getPhotoPath(), alt));
			model.addAttribute("conflict", conflict);
			List<FormError> conflictErrors = new ArrayList<>(
					List.of(new FormError("edit-conflict", conflict.message())));
			if (prepared != null) {
				conflictErrors.add(new FormError("photo", "Select the photo again"));
			}
			return showPhoto(model, neighbourhoodId, current, new PhotoForm(alt, current.getVersion()), conflictErrors);
		}
		return "redirect:/staff/neighbourhoods/" + neighbourhoodId + "/team#member-" + memberId;
	}

	@PostMapping("/{memberId}/photo/remove")
	String removePhoto(@PathVariable long neighbourhoodId, @PathVariable long memberId,
			@AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "version", required = false) @Nullable Long version, Model model,
			RedirectAttributes redirect) {
		TeamMember member = this.team.member(neighbourhoodId, memberId);
		try {
			this.team.removePhoto(user, neighbourhoodId, memberId, versionOf(version));
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			TeamMember current = this.team.member(neighbourhoodId, memberId);
			return showPhoto(model, neighbourhoodId, current, PhotoForm.of(current),
					List.of(new FormError(null, changedMessage(current))));
		}
		redirect.addFlashAttribute("notice", "The photo of " + member.getTitledName() + " has been removed");
		return "redirect:/staff/neighbourhoods/" + neighbourhoodId + "/team#member-" + memberId;
	}

	private String showMemberForm(Model model, Neighbourhood neighbourhood, @Nullable TeamMember member,
			TeamMemberForm form, List<FormError> errors, @Nullable EditConflict conflict) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("member", member);
		model.addAttribute("heading", (member == null) ? "Add a team member" : "Change " + member.getTitledName());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("conflict", conflict);
		model.addAttribute("roles",
				Arrays.stream(Role.values()).map((role) -> new Choice(role.name(), role.title())).toList());
		return "team/member-form";
	}

	private String showMove(Model model, long neighbourhoodId, TeamMember member, @Nullable String selected,
			long version, List<FormError> errors) {
		model.addAttribute("neighbourhood", this.team.neighbourhood(neighbourhoodId));
		model.addAttribute("member", member);
		model.addAttribute("choices",
				this.team.allNeighbourhoods().stream().filter((n) -> n.getId() != neighbourhoodId).toList());
		model.addAttribute("selected", selected);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "team/move";
	}

	private String showRemove(Model model, long neighbourhoodId, TeamMember member, List<FormError> errors) {
		model.addAttribute("neighbourhood", this.team.neighbourhood(neighbourhoodId));
		model.addAttribute("member", member);
		model.addAttribute("errors", errors);
		return "team/remove";
	}

	private String showNamedOfficer(Model model, long neighbourhoodId, @Nullable String selected, boolean confirmed,
			List<FormError> errors) {
		List<TeamMember> members = this.team.teamOf(neighbourhoodId);
		List<Choice> choices = new ArrayList<>();
		members.stream()
			.filter((member) -> member.getRole().canBeNamedOfficer())
			.forEach((member) -> choices.add(new Choice(member.getId().toString(), member.getTitledName())));
		choices.add(new Choice(NO_NAMED_OFFICER, "No named officer for now"));
		model.addAttribute("neighbourhood", this.team.neighbourhood(neighbourhoodId));
		model.addAttribute("choices", choices);
		model.addAttribute("others",
				members.stream().filter((member) -> !member.getRole().canBeNamedOfficer()).toList());
		model.addAttribute("selected", selected);
		model.addAttribute("confirmed", confirmed);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "team/named-officer";
	}

	private String showPhoto(Model model, long neighbourhoodId, TeamMember member, PhotoForm form,
			List<FormError> errors) {
		model.addAttribute("neighbourhood", this.team.neighbourhood(neighbourhoodId));
		model.addAttribute("member", member);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("maxMegabytes", PhotoChecks.MAX_BYTES / (1024 * 1024));
		return "team/photo";
	}

	private static String changedMessage(TeamMember current) {
		return "Someone else changed " + current.getTitledName()
				+ " while you were looking at this page. Check the details below, then try again.";
	}

	private static long versionOf(@Nullable Long version) {
		return (version != null) ? version : -1;
	}

	private static @Nullable Long parseId(@Nullable String text) {
		if (text == null || !text.matches("[0-9]{1,18}")) {
			return null;
		}
		return Long.valueOf(text);
	}

}
