package uk.yourarea.team;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;

/**
 * Web editors and administrators choose a neighbourhood's named officer, the PC or PCSO
 * whose name the Your Area Guarantee needs, having checked their details with them.
 */
@Controller
@RequestMapping("/staff/neighbourhoods/{neighbourhoodId}/team")
class NamedOfficerAdminController {

	private final TeamEditing team;

	private final TeamPages pages;

	NamedOfficerAdminController(TeamEditing team, TeamPages pages) {
		this.team = team;
		this.pages = pages;
	}

	@GetMapping("/named-officer")
	String namedOfficerForm(@PathVariable long neighbourhoodId, Model model) {
		List<TeamMember> members = this.team.teamOf(neighbourhoodId);
		String selected = members.stream()
			.filter(TeamMember::isNamedOfficer)
			.findFirst()
			.map((member) -> member.getId().toString())
			.orElse(null);
		return this.pages.namedOfficer(model, this.team.neighbourhood(neighbourhoodId), members, selected, false,
				List.of());
	}

	@PostMapping("/named-officer")
	String chooseNamedOfficer(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@RequestParam(name = "officer", required = false) @Nullable String officer,
			@RequestParam(name = "confirmed", required = false) @Nullable String confirmed, Model model,
			RedirectAttributes redirect) {
		List<TeamMember> members = this.team.teamOf(neighbourhoodId);
		NamedOfficerChoice choice = new NamedOfficerChoice(officer, "yes".equals(confirmed));
		List<FormError> errors = choice.problems(members, this.pages);
		if (!errors.isEmpty()) {
			return namedOfficerAgain(model, neighbourhoodId, choice, errors);
		}
		TeamMember chosen = choice.chosen(members);
		try {
			this.team.chooseNamedOfficer(user, neighbourhoodId, (chosen != null) ? chosen.getId() : null);
		}
		catch (TeamEditing.NotEligibleException ex) {
			return namedOfficerAgain(model, neighbourhoodId, choice,
					List.of(new FormError("officer", this.pages.text("team.named-officer.officer.not-eligible"))));
		}
		catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException ex) {
			return namedOfficerAgain(model, neighbourhoodId, choice,
					List.of(new FormError("officer", this.pages.text("team.named-officer.changed-elsewhere"))));
		}
		redirect.addFlashAttribute("notice", (chosen == null) ? this.pages.text("team.named-officer.none-now")
				: this.pages.text("team.named-officer.chosen", chosen.getTitledName()));
		return "redirect:" + TeamPages.base(neighbourhoodId);
	}

	private String namedOfficerAgain(Model model, long neighbourhoodId, NamedOfficerChoice choice,
			List<FormError> errors) {
		return this.pages.namedOfficer(model, this.team.neighbourhood(neighbourhoodId),
				this.team.teamOf(neighbourhoodId), choice.officer(), choice.confirmed(), errors);
	}

}
