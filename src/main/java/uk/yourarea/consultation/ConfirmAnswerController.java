package uk.yourarea.consultation;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;

/**
 * The pages after a "Have your say" answer: the one asking to check email, the
 * confirmation link's pages, and the thanks.
 */
@Controller
class ConfirmAnswerController {

	private final NeighbourhoodDirectory neighbourhoods;

	private final HaveYourSay haveYourSay;

	private final ConsultationDates dates;

	ConfirmAnswerController(NeighbourhoodDirectory neighbourhoods, HaveYourSay haveYourSay, ConsultationDates dates) {
		this.neighbourhoods = neighbourhoods;
		this.haveYourSay = haveYourSay;
		this.dates = dates;
	}

	@GetMapping("/area/{slug}/have-your-say/check-your-email")
	String checkYourEmail(@PathVariable String slug, Model model) {
		model.addAttribute("neighbourhood", neighbourhood(slug));
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
			NeighbourhoodSummary neighbourhood = neighbourhoodOf(confirmed.consultation());
			return "redirect:/area/" + neighbourhood.slug() + "/have-your-say/thank-you"
					+ (confirmed.replacedAnEarlierAnswer() ? "?replaced" : "");
		}
		return linkPage(link, token, model, response);
	}

	@GetMapping("/area/{slug}/have-your-say/thank-you")
	String thankYou(@PathVariable String slug, @RequestParam(required = false) @Nullable String replaced, Model model) {
		NeighbourhoodSummary neighbourhood = neighbourhood(slug);
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("replaced", replaced != null);
		return "consultation/thank-you";
	}

	private String linkPage(HaveYourSay.Link link, String token, Model model, HttpServletResponse response) {
		if (link instanceof HaveYourSay.Link.Valid valid) {
			model.addAttribute("neighbourhood", neighbourhoodOf(valid.consultation()));
			model.addAttribute("question", valid.consultation().getQuestion());
			model.addAttribute("issues", valid.issues());
			model.addAttribute("respondent", valid.response().getRespondentType().labelKey());
			model.addAttribute("concern", valid.response().getConcern());
			model.addAttribute("token", token);
			return "consultation/confirm";
		}
		String problem;
		NeighbourhoodSummary neighbourhood = null;
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

	private NeighbourhoodSummary neighbourhood(String slug) {
		return this.neighbourhoods.liveBySlug(slug, Languages.current())
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + slug));
	}

	private NeighbourhoodSummary neighbourhoodOf(Consultation consultation) {
		return this.neighbourhoods.byId(consultation.getNeighbourhoodId(), Languages.current())
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + consultation.getNeighbourhoodId()));
	}

	/** These pages carry a private link or someone's answer. */
	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}

}
