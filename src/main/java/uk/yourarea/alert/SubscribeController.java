package uk.yourarea.alert;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import org.springframework.web.util.UriComponentsBuilder;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.web.Choice;
import uk.yourarea.web.DatabaseFailures;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.FormTokens;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;

/**
 * A neighbourhood's alerts page: the subscribe form and the archive of the team's alerts
 * ({@code ?page=2} and on), and the page after subscribing. That page says the same
 * whether or not the address was known, so the form reveals no one's subscriptions.
 */
@Controller
class SubscribeController {

	private static final Logger log = LoggerFactory.getLogger(SubscribeController.class);

	private final NeighbourhoodDirectory neighbourhoods;

	private final AlertSubscriptions subscriptions;

	private final FormStamps stamps;

	private final AlertProperties properties;

	private final MessageSource text;

	private final AlertArchive archive;

	private final Clock clock;

	SubscribeController(NeighbourhoodDirectory neighbourhoods, AlertSubscriptions subscriptions, FormStamps stamps,
			AlertProperties properties, MessageSource text, AlertArchive archive, Clock clock) {
		this.clock = clock;
		this.archive = archive;
		this.neighbourhoods = neighbourhoods;
		this.subscriptions = subscriptions;
		this.stamps = stamps;
		this.properties = properties;
		this.text = text;
	}

	@GetMapping("/area/{slug}/alerts")
	String form(@PathVariable String slug, @RequestParam(required = false) @Nullable String page, Model model,
			HttpServletResponse response) {
		NeighbourhoodSummary neighbourhood = neighbourhood(slug);
		int number = (page == null) ? 1 : (page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 0);
		AlertArchive.ArchivePage alerts = ((number < 1) ? Optional.<AlertArchive.ArchivePage>empty()
				: this.archive.page(neighbourhood.id(), number))
			.orElseThrow(() -> new NotFoundException("No page " + page + " of the alerts of " + slug));
		noStore(response);
		withArchive(model, neighbourhood, alerts);
		return show(model, Team.of(neighbourhood), SubscribeForm.blank(this.stamps.now()), List.of(), null);
	}

	@PostMapping("/area/{slug}/alerts")
	String subscribe(@PathVariable String slug, @Valid @ModelAttribute("form") SubscribeForm form, BindingResult result,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		List<FormError> errors = FormErrors.inPageOrder(result, SubscribeForm.FIELD_ORDER);
		try {
			NeighbourhoodSummary neighbourhood = neighbourhood(slug);
			if (FormTokens.refused(request) || !errors.isEmpty()) {
				this.archive.page(neighbourhood.id(), 1)
					.ifPresent((alerts) -> withArchive(model, neighbourhood, alerts));
			}
			if (FormTokens.refused(request)) {
				return show(model, Team.of(neighbourhood), form.withoutRefusedCharacters(), List.of(), "expired");
			}
			if (!errors.isEmpty()) {
				return show(model, Team.of(neighbourhood), form.withoutRefusedCharacters(), errors, null);
			}
			this.subscriptions.subscribe(neighbourhood, form.email(), form.chosen(), request.getRemoteAddr(),
					looksAutomated(form));
			return "redirect:" + UriComponentsBuilder.fromPath("/area/{slug}/alerts/check-your-email")
				.buildAndExpand(slug)
				.toUriString();
		}
		catch (AlertSubscriptions.TooManyAttempts ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return show(model, new Team(slug, ""), form.withoutRefusedCharacters(), List.of(), "too-many");
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isDatabaseFailure(ex)) {
				throw ex;
			}
			log.error("Could not store an alert subscription: {}", DatabaseFailures.describe(ex));
			DatabaseFailures.serviceUnavailable(response);
			return show(model, new Team(slug, ""), form.withoutRefusedCharacters(), errors, "unavailable");
		}
	}

	@GetMapping("/area/{slug}/alerts/check-your-email")
	String checkYourEmail(@PathVariable String slug, Model model) {
		model.addAttribute("neighbourhood", neighbourhood(slug));
		model.addAttribute("validityDays", this.properties.confirmationValidity().toDays());
		return "alert/check-your-email";
	}

	private static void withArchive(Model model, NeighbourhoodSummary neighbourhood, AlertArchive.ArchivePage alerts) {
		model.addAttribute("archive", alerts);
		model.addAttribute("atomFeed", AlertFeed.feedOf(neighbourhood.slug()));
	}

	private boolean looksAutomated(SubscribeForm form) {
		if (form.website() != null && !form.website().isBlank()) {
			return true;
		}
		return this.stamps.shownAt(form.startedAt())
			.map((shown) -> java.time.Duration.between(shown, this.clock.instant())
				.compareTo(this.properties.minimumFillTime()) < 0)
			.orElse(true);
	}

	/**
	 * The team a form goes to; its name is empty when the database could not be asked.
	 */
	record Team(String slug, String name) {

		static Team of(NeighbourhoodSummary neighbourhood) {
			return new Team(neighbourhood.slug(), neighbourhood.name());
		}

	}

	private String show(Model model, Team team, SubscribeForm form, List<FormError> errors, @Nullable String problem) {
		model.addAttribute("team", team);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("problem", problem);
		model.addAttribute("categoryChoices", categoryChoices(this.text));
		return "alert/subscribe";
	}

	static List<Choice> categoryChoices(MessageSource text) {
		return Arrays.stream(AlertCategory.values())
			.map((category) -> new Choice(category.name(),
					text.getMessage(category.labelKey(), null, Languages.current())))
			.toList();
	}

	private NeighbourhoodSummary neighbourhood(String slug) {
		return this.neighbourhoods.liveBySlug(slug, Languages.current())
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + slug));
	}

	/** These pages carry a form token or what someone typed: no cache may keep them. */
	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}

}
