package uk.yourarea.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;

/** Where staff land after signing in: links to what their roles allow. */
@Controller
class StaffHomeController {

	private final StaffScope scope;

	private final NeighbourhoodRepository neighbourhoods;

	StaffHomeController(StaffScope scope, NeighbourhoodRepository neighbourhoods) {
		this.scope = scope;
		this.neighbourhoods = neighbourhoods;
	}

	@GetMapping("/staff")
	String home(@AuthenticationPrincipal StaffUser user, Model model) {
		Set<Long> visible = this.scope.neighbourhoodIdsVisibleTo(user);
		boolean all = user.hasRole(StaffRole.ADMIN);
		List<String> names = all ? List.of()
				: this.neighbourhoods.findAllById(visible)
					.stream()
					.map(Neighbourhood::getName)
					.sorted(Comparator.naturalOrder())
					.toList();
		model.addAttribute("user", user);
		model.addAttribute("seesAllNeighbourhoods", all);
		model.addAttribute("neighbourhoodCount", visible.size());
		model.addAttribute("neighbourhoodNames", names);
		model.addAttribute("canReadMessages",
				user.hasAnyRole(StaffRole.OFFICER, StaffRole.SUPERVISOR, StaffRole.ADMIN));
		model.addAttribute("canManageAccounts", user.hasRole(StaffRole.ADMIN));
		return "security/home";
	}

}
