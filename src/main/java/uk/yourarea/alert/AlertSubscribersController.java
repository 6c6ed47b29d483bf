package uk.yourarea.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.NotFoundException;

/**
 * How many residents follow each neighbourhood a member of staff writes to, and, for web
 * editors and administrators only, their addresses, one neighbourhood at a time, each
 * view recorded.
 */
@Controller
@RequestMapping("/staff/alerts/subscribers")
class AlertSubscribersController {

	/** A view of addresses as the page lists it. */
	record ViewRow(String staffName, String neighbourhood, int addressesShown, String when) {
	}

	private final AlertSubscriberList subscribers;

	private final NeighbourhoodDirectory directory;

	private final AlertViews views;

	private final MessageSource messages;

	AlertSubscribersController(AlertSubscriberList subscribers, NeighbourhoodDirectory directory, AlertViews views,
			MessageSource messages) {
		this.subscribers = subscribers;
		this.directory = directory;
		this.views = views;
		this.messages = messages;
	}

	@GetMapping
	String counts(@AuthenticationPrincipal StaffUser user, Model model) {
		model.addAttribute("counts", this.subscribers.counts(user));
		model.addAttribute("categories",
				Arrays.stream(AlertCategory.values())
					.map((category) -> new Choice(category.name(), text(category.labelKey())))
					.toList());
		boolean seesAddresses = AlertAccess.writesEverywhere(user);
		model.addAttribute("seesAddresses", seesAddresses);
		List<AlertSubscriberList.View> views = this.subscribers.recentViews(user);
		Map<Long, String> names = this.directory
			.byIds(views.stream().map(AlertSubscriberList.View::neighbourhoodId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(NeighbourhoodSummary::id, NeighbourhoodSummary::name));
		model.addAttribute("views",
				views.stream()
					.map((view) -> new ViewRow(view.staffName(), names.getOrDefault(view.neighbourhoodId(), ""),
							view.addressesShown(), this.views.at(view.viewedAt())))
					.toList());
		return "alert/staff/subscribers";
	}

	@GetMapping("/{neighbourhoodId}")
	String addresses(@AuthenticationPrincipal StaffUser user, @PathVariable long neighbourhoodId, Model model) {
		NeighbourhoodSummary neighbourhood = this.directory.byId(neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + neighbourhoodId));
		List<AlertSubscriberList.Address> addresses = this.subscribers.addresses(user, neighbourhood);
		Function<AlertSubscriberList.Address, String> chosen = (address) -> String.join(", ",
				address.categories().stream().sorted().map((category) -> text(category.labelKey())).toList());
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("addresses",
				addresses.stream().map((address) -> new Choice(address.email(), chosen.apply(address))).toList());
		return "alert/staff/addresses";
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

}
