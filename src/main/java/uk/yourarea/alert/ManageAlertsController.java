package uk.yourarea.alert;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.yourarea.web.FormError;
import uk.yourarea.web.Languages;

/**
 * The pages reached from the links in alert emails: confirming a subscription, managing
 * every neighbourhood a person follows, and unsubscribing. The token in the address is
 * the only key: there is no account. Opening a link changes nothing; only a button does,
 * so that a mail scanner that follows links neither confirms nor unsubscribes anyone.
 */
@Controller
class ManageAlertsController {

	/** The one-click unsubscribe address of RFC 8058: POST needs no session or token. */
	static final String UNSUBSCRIBE = "/alerts/unsubscribe/{token}";

	private final AlertSubscriptions subscriptions;

	private final MessageSource text;

	ManageAlertsController(AlertSubscriptions subscriptions, MessageSource text) {
		this.subscriptions = subscriptions;
		this.text = text;
	}

	@GetMapping("/alerts/confirm/{token}")
	String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
		SubscribeController.noStore(response);
		AlertSubscriptions.Confirmation confirmation = this.subscriptions.check(token);
		if (confirmation instanceof AlertSubscriptions.Confirmation.Valid valid) {
			model.addAttribute("neighbourhood", valid.neighbourhood());
			model.addAttribute("categories", this.subscriptions.labels(valid.categories()));
			model.addAttribute("token", token);
			return "alert/confirm";
		}
		return linkProblem(confirmation, model, response);
	}

	@PostMapping("/alerts/confirm/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		SubscribeController.noStore(response);
		Optional<String> manageToken = this.subscriptions.confirm(token);
		if (manageToken.isPresent()) {
			return "redirect:/alerts/manage/" + manageToken.get() + "?confirmed";
		}
		return linkProblem(this.subscriptions.check(token), model, response);
	}

	private String linkProblem(AlertSubscriptions.Confirmation confirmation, Model model,
			HttpServletResponse response) {
		if (confirmation instanceof AlertSubscriptions.Confirmation.Expired expired) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("neighbourhood", expired.neighbourhood());
			model.addAttribute("problem", "expired");
		}
		else {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("neighbourhood", null);
			model.addAttribute("problem", "unknown");
		}
		return "alert/link-problem";
	}

	@GetMapping("/alerts/manage/{token}")
	String manage(@PathVariable String token, @RequestParam(required = false) @Nullable String confirmed,
			@RequestParam(required = false) @Nullable String changed,
			@RequestParam(required = false) @Nullable String stopped, Model model, HttpServletResponse response) {
		SubscribeController.noStore(response);
		Optional<AlertSubscriptions.Subscriber> subscriber = this.subscriptions.byManageLink(token);
		if (subscriber.isEmpty()) {
			return manageLinkGone(model, response);
		}
		String done = (confirmed != null) ? "confirmed"
				: (changed != null) ? "changed" : (stopped != null) ? "stopped" : null;
		return showManage(model, token, subscriber.get(), done, null, List.of());
	}

	@PostMapping("/alerts/manage/{token}/{neighbourhoodId}")
	String change(@PathVariable String token, @PathVariable long neighbourhoodId,
			@Valid @ModelAttribute("choices") ChoicesForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		SubscribeController.noStore(response);
		Optional<AlertSubscriptions.Subscriber> subscriber = this.subscriptions.byManageLink(token);
		if (subscriber.isEmpty()) {
			return manageLinkGone(model, response);
		}
		if (result.hasErrors() || form.chosen().isEmpty()) {
			String message = this.text.getMessage("alerts.manage.categories.required", null, Languages.current());
			return showManage(model, token, subscriber.get(), null, neighbourhoodId,
					List.of(new FormError("categories-" + neighbourhoodId, message)));
		}
		if (!this.subscriptions.change(token, neighbourhoodId, form.chosen())) {
			return manageLinkGone(model, response);
		}
		return "redirect:/alerts/manage/" + token + "?changed";
	}

	/**
	 * The page the link in each alert email opens, to stop the messages of the team that
	 * sent it and keep the others. A person no longer following that team (they followed
	 * the link twice, say) sees their personal page as it is.
	 */
	@GetMapping("/alerts/manage/{token}/{neighbourhoodId}/stop")
	String stopPage(@PathVariable String token, @PathVariable long neighbourhoodId, Model model,
			HttpServletResponse response) {
		SubscribeController.noStore(response);
		Optional<AlertSubscriptions.Subscriber> subscriber = this.subscriptions.byManageLink(token);
		if (subscriber.isEmpty()) {
			return manageLinkGone(model, response);
		}
		Optional<AlertSubscriptions.Followed> stopping = subscriber.get().following(neighbourhoodId);
		if (stopping.isEmpty()) {
			return "redirect:/alerts/manage/" + token;
		}
		model.addAttribute("token", token);
		model.addAttribute("subscriber", subscriber.get());
		model.addAttribute("stopping", stopping.get().neighbourhood());
		model.addAttribute("keeping", subscriber.get().keptAfterStopping(neighbourhoodId));
		return "alert/stop-one";
	}

	@PostMapping("/alerts/manage/{token}/{neighbourhoodId}/stop")
	String stop(@PathVariable String token, @PathVariable long neighbourhoodId, Model model,
			HttpServletResponse response) {
		SubscribeController.noStore(response);
		if (!this.subscriptions.stop(token, neighbourhoodId)) {
			return stoppedAlready(token, model, response);
		}
		if (this.subscriptions.byManageLink(token).isEmpty()) {
			return "redirect:/alerts/stopped";
		}
		return "redirect:/alerts/manage/" + token + "?stopped";
	}

	@PostMapping("/alerts/manage/{token}/stop-all")
	String stopAll(@PathVariable String token, Model model, HttpServletResponse response) {
		SubscribeController.noStore(response);
		if (!this.subscriptions.stopAll(token)) {
			return stoppedAlready(token, model, response);
		}
		return "redirect:/alerts/stopped";
	}

	@GetMapping("/alerts/stopped")
	String stopped() {
		return "alert/stopped";
	}

	@GetMapping(UNSUBSCRIBE)
	String unsubscribePage(@PathVariable String token, Model model, HttpServletResponse response) {
		SubscribeController.noStore(response);
		Optional<AlertSubscriptions.Subscriber> subscriber = this.subscriptions.byManageLink(token);
		if (subscriber.isEmpty()) {
			return manageLinkGone(model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("subscriber", subscriber.get());
		return "alert/unsubscribe";
	}

	/**
	 * The button on the page above, and the one-click POST a mail program sends (RFC
	 * 8058, with the body {@code List-Unsubscribe=One-Click}, which says nothing more).
	 */
	@PostMapping(UNSUBSCRIBE)
	String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
		SubscribeController.noStore(response);
		if (!this.subscriptions.stopAll(token)) {
			return stoppedAlready(token, model, response);
		}
		return "alert/stopped";
	}

	private String showManage(Model model, String token, AlertSubscriptions.Subscriber subscriber,
			@Nullable String done, @Nullable Long wrongNeighbourhood, List<FormError> errors) {
		model.addAttribute("token", token);
		model.addAttribute("subscriber", subscriber);
		model.addAttribute("done", done);
		model.addAttribute("wrongNeighbourhood", wrongNeighbourhood);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", errors.isEmpty() ? Map.of() : Map.of("categories", errors.get(0).message()));
		model.addAttribute("categoryChoices", SubscribeController.categoryChoices(this.text));
		return "alert/manage";
	}

	/**
	 * A stop button pressed again (a double click, a mail program's one-click sent twice)
	 * after the person has gone: they are told they get nothing, not that the link is
	 * broken.
	 */
	private String stoppedAlready(String token, Model model, HttpServletResponse response) {
		return this.subscriptions.wasStopped(token) ? "alert/stopped" : manageLinkGone(model, response);
	}

	private String manageLinkGone(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("neighbourhood", null);
		model.addAttribute("problem", "manage");
		return "alert/link-problem";
	}

}
