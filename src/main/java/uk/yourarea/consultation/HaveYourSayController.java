package uk.yourarea.consultation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.web.Choice;
import uk.yourarea.web.DatabaseFailures;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.FormTokens;
import uk.yourarea.web.NotFoundException;

/**
 * "Have your say" on a neighbourhood's priorities: the form, the page asking to check
 * email, and the confirmation link's pages.
 */
@Controller
class HaveYourSayController {

	static final List<Choice> RESPONDENT_TYPES = List.of(
			new Choice(ConsultationResponse.RespondentType.RESIDENT.name(),
					ConsultationResponse.RespondentType.RESIDENT.choice()),
			new Choice(ConsultationResponse.RespondentType.BUSINESS.name(),
					ConsultationResponse.RespondentType.BUSINESS.choice()));

	/** A neighbourhood a postcode turned out to be in, to send the person there. */
	record Elsewhere(String name, String slug) {
	}

	private static final Logger log = LoggerFactory.getLogger(HaveYourSayController.class);

	private final NeighbourhoodRepository neighbourhoods;

	private final HaveYourSay haveYourSay;

	private final PostcodeLookup postcodes;

	private final ConsultationDates dates;

	private final FormStamps stamps;

	HaveYourSayController(NeighbourhoodRepository neighbourhoods, HaveYourSay haveYourSay, PostcodeLookup postcodes,
			ConsultationDates dates, FormStamps stamps) {
		this.stamps = stamps;
		this.neighbourhoods = neighbourhoods;
		this.haveYourSay = haveYourSay;
		this.postcodes = postcodes;
		this.dates = dates;
	}

	@GetMapping("/area/{slug}/have-your-say")
	String form(@PathVariable String slug, Model model, HttpServletResponse response) {
		Neighbourhood neighbourhood = neighbourhood(slug);
		Optional<Consultation> open = this.haveYourSay.openIn(neighbourhood.getId());
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
		Neighbourhood neighbourhood = null;
		Consultation consultation = null;
		try {
			neighbourhood = neighbourhood(slug);
			Optional<Consultation> open = this.haveYourSay.openIn(neighbourhood.getId());
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
			List<FormError> errors = errors(form, result, consultation);
			Elsewhere elsewhere = null;
			if (!hasError(errors, "postcode") && form.postcode() != null) {
				PostcodeCheck check = checkPostcode(form.postcode(), neighbourhood);
				if (check.message() != null) {
					errors.add(new FormError("postcode", check.message()));
					elsewhere = check.elsewhere();
				}
			}
			errors
				.sort(Comparator.comparingInt((FormError error) -> HaveYourSayForm.FIELD_ORDER.indexOf(error.field())));
			if (!errors.isEmpty()) {
				return show(model, neighbourhood, consultation, form.withoutRefusedCharacters(), errors, elsewhere);
			}
			answerOnce(neighbourhood, consultation, form, request.getRemoteAddr());
			return "redirect:/area/" + neighbourhood.getSlug() + "/have-your-say/check-your-email";
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

	private List<FormError> errors(HaveYourSayForm form, BindingResult result, Consultation consultation) {
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, HaveYourSayForm.FIELD_ORDER));
		if (!hasError(errors, "issues")) {
			if (form.chosenIssues().stream().anyMatch((id) -> !consultation.hasIssue(id))
					|| (form.consultationId() != null && !form.consultationId().equals(consultation.getId()))) {
				errors.add(new FormError("issues", "The list of issues has changed: select the issues again"));
			}
			else if (form.chosenIssues().isEmpty() && form.ownConcern() == null) {
				errors.add(new FormError("issues", "Select at least one issue, or tell us about your own concern"));
			}
		}
		return errors;
	}

	/**
	 * Stores the answer, or finds it stored when a second send of the same form got there
	 * at the same moment. Any other refusal by the database is a failure like an outage.
	 */
	private void answerOnce(Neighbourhood neighbourhood, Consultation consultation, HaveYourSayForm form,
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
	private String notSaved(RuntimeException ex, String slug, @Nullable Neighbourhood neighbourhood,
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
		model.addAttribute("respondentTypeChoices", RESPONDENT_TYPES);
		return "consultation/not-saved";
	}

	@GetMapping("/area/{slug}/have-your-say/check-your-email")
	String checkYourEmail(@PathVariable String slug, Model model) {
		model.addAttribute("neighbourhood", neighbourhood(slug));
		model.addAttribute("validity", "7 days");
		return "consultation/check-your-email";
	}

	@GetMapping("/have-your-say/confirm/{token}")
	String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
		noStore(response);
		return linkPage(this.haveYourSay.check(token), token, model, response);
	}

	@PostMapping("/have-your-say/confirm/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		noStore(response);
		HaveYourSay.Link link = this.haveYourSay.confirm(token);
		if (link instanceof HaveYourSay.Link.Confirmed confirmed) {
			Neighbourhood neighbourhood = neighbourhoodOf(confirmed.consultation());
			return "redirect:/area/" + neighbourhood.getSlug() + "/have-your-say/thank-you"
					+ (confirmed.replacedAnEarlierAnswer() ? "?replaced" : "");
		}
		return linkPage(link, token, model, response);
	}

	@GetMapping("/area/{slug}/have-your-say/thank-you")
	String thankYou(@PathVariable String slug,
			@org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String replaced,
			Model model) {
		Neighbourhood neighbourhood = neighbourhood(slug);
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("replaced", replaced != null);
		return "consultation/thank-you";
	}

	private String linkPage(HaveYourSay.Link link, String token, Model model, HttpServletResponse response) {
		if (link instanceof HaveYourSay.Link.Valid valid) {
			model.addAttribute("neighbourhood", neighbourhoodOf(valid.consultation()));
			model.addAttribute("question", valid.consultation().getQuestion());
			model.addAttribute("issues", valid.issues());
			model.addAttribute("respondent", valid.response().getRespondentType().choice());
			model.addAttribute("concern", valid.response().getConcern());
			model.addAttribute("token", token);
			return "consultation/confirm";
		}
		String problem;
		Neighbourhood neighbourhood = null;
		if (link instanceof HaveYourSay.Link.Expired expired) {
			problem = "expired";
			neighbourhood = neighbourhoodOf(expired.consultation());
			response.setStatus(HttpStatus.GONE.value());
		}
		else if (link instanceof HaveYourSay.Link.AlreadyConfirmed used) {
			problem = "used";
			neighbourhood = neighbourhoodOf(used.consultation());
		}
		else if (link instanceof HaveYourSay.Link.Closed closed) {
			problem = "closed";
			neighbourhood = neighbourhoodOf(closed.consultation());
			model.addAttribute("closedOn", this.dates.closing(closed.consultation()));
			response.setStatus(HttpStatus.GONE.value());
		}
		else {
			problem = "unknown";
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("problem", problem);
		model.addAttribute("neighbourhood", neighbourhood);
		return "consultation/link-problem";
	}

	private record PostcodeCheck(@Nullable String message, @Nullable Elsewhere elsewhere) {
	}

	private PostcodeCheck checkPostcode(String typed, Neighbourhood neighbourhood) {
		Optional<Postcode> parsed = Postcode.parse(typed.strip());
		if (parsed.isEmpty()) {
			return new PostcodeCheck("Enter a full UK postcode, like LE18 1AA", null);
		}
		Postcode postcode = parsed.get();
		PostcodeLookup.Result found = this.postcodes.find(postcode);
		if (found instanceof PostcodeLookup.Result.InNeighbourhood in) {
			if (in.neighbourhoodId() == neighbourhood.getId()) {
				return new PostcodeCheck(null, null);
			}
			Neighbourhood other = this.neighbourhoods.findById(in.neighbourhoodId()).orElse(null);
			if (other != null) {
				return new PostcodeCheck(
						postcode.value() + " is in the " + other.getName() + " neighbourhood, not "
								+ neighbourhood.getName() + ". Enter a postcode in " + neighbourhood.getName(),
						new Elsewhere(other.getName(), other.getSlug()));
			}
		}
		if (found instanceof PostcodeLookup.Result.Terminated) {
			return new PostcodeCheck(postcode.value() + " is no longer in use. Enter your current postcode", null);
		}
		return new PostcodeCheck(postcode.value() + " is not in the " + neighbourhood.getName()
				+ " neighbourhood. Enter a postcode in " + neighbourhood.getName(), null);
	}

	private String noneOpen(Neighbourhood neighbourhood, Model model) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("next",
				this.haveYourSay.nextIn(neighbourhood.getId())
					.map((next) -> this.dates.day(this.dates.openingDay(next)))
					.orElse(null));
		return "consultation/none-open";
	}

	private String show(Model model, Neighbourhood neighbourhood, Consultation consultation, HaveYourSayForm form,
			List<FormError> errors, @Nullable Elsewhere elsewhere) {
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
		model.addAttribute("respondentTypeChoices", RESPONDENT_TYPES);
		return "consultation/have-your-say";
	}

	private static boolean hasError(List<FormError> errors, String field) {
		return errors.stream().anyMatch((error) -> error.field().equals(field));
	}

	private Neighbourhood neighbourhood(String slug) {
		return this.neighbourhoods.findBySlug(slug)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + slug));
	}

	private Neighbourhood neighbourhoodOf(Consultation consultation) {
		return this.neighbourhoods.findById(consultation.getNeighbourhoodId())
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + consultation.getNeighbourhoodId()));
	}

	private static String newIdempotencyKey() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** These pages carry a form token, a private link or someone's answer. */
	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}

}
