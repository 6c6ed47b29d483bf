package uk.yourarea.security;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where staff land after signing in: links to what their roles allow. */
@Controller
class StaffHomeController {

	private final StaffScope scope;

	StaffHomeController(StaffScope scope) {
		this.scope = scope;
	}

	@GetMapping("/staff")
	String home(@AuthenticationPrincipal StaffUser user, Model model) {
		List<String> visible = this.scope.neighbourhoodNamesVisibleTo(user);
		boolean all = user.hasRole(StaffRole.ADMIN);
		List<String> names = all ? List.of() : visible;
		model.addAttribute("user", user);
		model.addAttribute("seesAllNeighbourhoods", all);
		model.addAttribute("neighbourhoodCount", visible.size());
		model.addAttribute("neighbourhoodNames", names);
		model.addAttribute("canReadMessages",
				user.hasAnyRole(StaffRole.OFFICER, StaffRole.SUPERVISOR, StaffRole.ADMIN));
		model.addAttribute("canManageAccounts", user.hasRole(StaffRole.ADMIN));
		model.addAttribute("canAnswerDataProtectionRequests", user.hasRole(StaffRole.DATA_PROTECTION));
		model.addAttribute("canEditPages", this.scope.canEditEverything(user));
		model.addAttribute("canEditPrioritiesAndEvents",
				user.hasAnyRole(StaffRole.OFFICER, StaffRole.SUPERVISOR) || this.scope.canEditEverything(user));
		model.addAttribute("canWriteAlerts",
				user.hasAnyRole(StaffRole.OFFICER, StaffRole.SUPERVISOR, StaffRole.WEB_EDITOR, StaffRole.ADMIN));
		model.addAttribute("canSeeGuarantee",
				user.hasAnyRole(StaffRole.WEB_EDITOR, StaffRole.SUPERVISOR, StaffRole.ADMIN));
		return "security/home";
	}

}
