package uk.yourarea.team;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;

/**
 * Only web editors and administrators reach the team editing pages (see the security
 * configuration); this checks again, once for all of them.
 */
@ControllerAdvice(assignableTypes = { TeamAdminController.class, NamedOfficerAdminController.class,
		TeamPhotoAdminController.class })
class TeamEditorsOnly {

	private final StaffScope scope;

	TeamEditorsOnly(StaffScope scope) {
		this.scope = scope;
	}

	@ModelAttribute
	void onlyEditors(@AuthenticationPrincipal StaffUser user, Model model) {
		if (!this.scope.canEditEverything(user)) {
			throw new AccessDeniedException("Only web editors and administrators edit teams");
		}
		model.addAttribute("currentNav", "neighbourhoods");
	}

}
