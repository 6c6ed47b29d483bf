package uk.yourarea.consultation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

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
 * "Have your say" on a neighbourhood's priorities: the form.
 * {@link ConfirmAnswerController} has the pages after it.
 */
@Controller
class HaveYourSayController {

	private static final Logger log = LoggerFactory.getLogger(HaveYourSayController.class);

	private final NeighbourhoodDirectory neighbourhoods;

	private final HaveYourSay haveYourSay;

	private final AnswerChecks checks;

	private final ConsultationDates dates;

	private final FormStamps stamps;

	private final MessageSource text;

	HaveYourSayController(NeighbourhoodDirectory neighbourhoods, HaveYourSay haveYourSay, AnswerChecks checks,
			ConsultationDates dates, FormStamps stamps, MessageSource text) {
		this.text = text;
		this.stamps = stamps;
		this.neighbourhoods = neighbourhoods;
		this.haveYourSay = haveYourSay;
		this.checks = checks;
		this.dates = dates;
	}

	@GetMapping("/area/{slug}/have-your-say")
	String form(@PathVariable String slug, Model model, HttpServletResponse response) {
		NeighbourhoodSummary neighbourhood = neighbourhood(slug);
		Optional<Consultation> open = this.haveYourSay.openIn(neighbourhood.id());
		if (open.isEmpty()) {
			return noneOpen(neighbourhood, model);
		}
		noStore(response);
		return show(model, neighbourhood, open.get(),
				HaveYourSayForm.blank(open.get().getId(), this.stamps.now(), newIdempotencyKey()), List.of(), null);
	}

	@PostMapping("/area/{slug}/have-your-say")
	String answer(@PathVariable String slug, @Valid @ModelAttribute("form") HaveYourSayForm form, BindingResult result,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		if (form.idempotencyKey() == null || !form.idempotencyKey().matches("[0-9a-f]{32}")) {
			form = form.withIdempotencyKey(newIdempotencyKey());
		}
		NeighbourhoodSummary neighbourhood = null;
		Consultation consultation = null;
		try {
			neighbourhood = neighbourhood(slug);
			Optional<Consultation> open = this.haveYourSay.openIn(neighbourhood.id());
			if (open.isEmpty()) {
				response.setStatus(HttpStatus.CONFLICT.value());
				model.addAttribute("closedWhileAnswering", true);
				model.addAttribute("typedConcern", form.withoutRefusedCharacters().ownConcern());
				return noneOpen(neighbourhood, model);
			}
			consultation = open.get();
			if (FormTokens.refused(request)) {
				model.addAttribute("problem", "expired");
				return show(model, neighbourhood, consultation, form.withoutRefusedCharacters(), List.of(), null);
			}
			AnswerChecks.Checked checked = this.checks.check(form, result, consultation, neighbourhood);
			List<FormError> errors = checked.errors();
			AnswerChecks.Elsewhere elsewhere = checked.elsewhere();
			if (!errors.isEmpty()) {
				return show(model, neighbourhood, consultation, form.withoutRefusedCharacters(), errors, elsewhere);
			}
			answerOnce(neighbourhood, consultation, form, request.getRemoteAddr());
			return "redirect:/area/" + neighbourhood.slug() + "/have-your-say/check-your-email";
		}
		catch (HaveYourSay.TooManyAnswers ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("neighbourhood", neighbourhood);
			model.addAttribute("form", form);
			return "consultation/too-many";
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isDatabaseFailure(ex)) {
				throw ex;
			}
			return notSaved(ex, slug, neighbourhood, consultation, form.withoutRefusedCharacters(), model, response);
		}
	}

	/**
	 * Stores the answer, or finds it stored when a second send of the same form got there
	 * at the same moment. Any other refusal by the database is a failure like an outage.
	 */
	private void answerOnce(NeighbourhoodSummary neighbourhood, Consultation consultation, HaveYourSayForm form,
			String clientAddress) {
		try {
			this.haveYourSay.answer(neighbourhood, consultation, form, clientAddress);
		}
		catch (DataIntegrityViolationException ex) {
			if (form.idempotencyKey() == null || !this.haveYourSay.answered(form.idempotencyKey())) {
				throw ex;
			}
			log.info("A have your say form sent twice at the same moment was stored once");
		}
	}

	/**
	 * The database failed while taking an answer: the form comes back (503) with
	 * everything typed and the same idempotency key, to send again. With the
	 * neighbourhood and its consultation read before the failure, it is the usual page;
	 * without them, a plainer one that needs nothing from the database.
	 */
	private String notSaved(RuntimeException ex, String slug, @Nullable NeighbourhoodSummary neighbourhood,
			@Nullable Consultation consultation, HaveYourSayForm form, Model model, HttpServletResponse response) {
		if (DatabaseFailures.isOutage(ex)) {
			log.error("Could not store a have your say answer: the database is unavailable: {}",
					DatabaseFailures.describe(ex));
		}
		else {
			log.error("Could not store a have your say answer: {}", DatabaseFailures.describe(ex), ex);
		}
		DatabaseFailures.serviceUnavailable(response);
		model.addAttribute("problem", "unavailable");
		if (neighbourhood != null && consultation != null) {
			return show(model, neighbourhood, consultation, form, List.of(), null);
		}
		model.addAttribute("slug", slug);
		model.addAttribute("form", form);
		model.addAttribute("chosen", form.chosenIssues().stream().map(String::valueOf).toList());
		model.addAttribute("respondentTypeChoices", respondentTypes());
		return "consultation/not-saved";
	}

	private String noneOpen(NeighbourhoodSummary neighbourhood, Model model) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("next",
				this.haveYourSay.nextIn(neighbourhood.id())
					.map((next) -> this.dates.day(this.dates.openingDay(next)))
					.orElse(null));
		return "consultation/none-open";
	}

	private String show(Model model, NeighbourhoodSummary neighbourhood, Consultation consultation,
			HaveYourSayForm form, List<FormError> errors, AnswerChecks.@Nullable Elsewhere elsewhere) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("consultation", consultation);
		model.addAttribute("closes", this.dates.closing(consultation));
		model.addAttribute("issueChoices",
				consultation.getIssues()
					.stream()
					.map((issue) -> new Choice(issue.getId().toString(), issue.getLabel()))
					.toList());
		model.addAttribute("chosen", form.chosenIssues().stream().map(String::valueOf).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("elsewhere", elsewhere);
		model.addAttribute("respondentTypeChoices", respondentTypes());
		return "consultation/have-your-say";
	}

	/**
	 * Whether they live or run a business in the area, labelled in the request's
	 * language.
	 */
	private List<Choice> respondentTypes() {
		return Arrays.stream(ConsultationResponse.RespondentType.values())
			.map((type) -> new Choice(type.name(),
					this.text.getMessage(type.labelKey(), null, LocaleContextHolder.getLocale())))
			.toList();
	}

	private NeighbourhoodSummary neighbourhood(String slug) {
		return this.neighbourhoods.liveBySlug(slug, Languages.current())
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + slug));
	}

	private static String newIdempotencyKey() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** These pages carry a form token, a private link or someone's answer. */
	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}

}
