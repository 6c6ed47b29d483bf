package uk.yourarea.contact;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.personaldata.RetentionProperties;
import uk.yourarea.personaldata.RetentionWording;
import uk.yourarea.web.DatabaseFailures;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.FormTokens;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;

/**
 * The resident's private page for one message, reached only through the link in their
 * emails: the conversation, the deadline, a reply box and "Did this answer your
 * question?".
 */
@Controller
class ResidentMessageController {

	private static final Logger log = LoggerFactory.getLogger(ResidentMessageController.class);

	private final ContactMessages messages;

	private final NeighbourhoodDirectory neighbourhoods;

	private final MessageSource text;

	private final RetentionProperties retention;

	private final RetentionWording wording;

	private final Clock clock;

	ResidentMessageController(ContactMessages messages, NeighbourhoodDirectory neighbourhoods, MessageSource text,
			RetentionProperties retention, RetentionWording wording, Clock clock) {
		this.wording = wording;
		this.messages = messages;
		this.neighbourhoods = neighbourhoods;
		this.text = text;
		this.retention = retention;
		this.clock = clock;
	}

	@GetMapping("/messages/{token}")
	String conversation(@PathVariable String token, Model model, HttpServletResponse response) {
		return show(token, model, response, "", null);
	}

	@PostMapping("/messages/{token}/reply")
	String reply(@PathVariable String token, @Valid @ModelAttribute("replyForm") ResidentReplyForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			if (FormTokens.refused(request)) {
				return show(token, model, response, form.typed(),
						this.text.getMessage("contact.reply.expired", null, LocaleContextHolder.getLocale()));
			}
			if (result.hasErrors()) {
				return show(token, model, response, form.typed(),
						FormErrors.inPageOrder(result, List.of("reply")).get(0).message());
			}
			ContactMessage message = find(token);
			if (isPastItsLinks(message)) {
				return expired(message, model, response);
			}
			if (message.getStatus() == MessageStatus.CLOSED) {
				return show(token, model, response, form.typed(), this.text
					.getMessage("contact.conversation.closed-error", null, LocaleContextHolder.getLocale()));
			}
			if (!this.messages.mayReply(token)) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				return show(token, model, response, form.typed(),
						this.text.getMessage("contact.reply.too-many", null, LocaleContextHolder.getLocale()));
			}
			this.messages.residentReplied(token, form.typed());
			return "redirect:/messages/" + token + "?replied";
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isDatabaseFailure(ex)) {
				throw ex;
			}
			// The reply comes back to send again, on a page that needs no database.
			if (DatabaseFailures.isOutage(ex)) {
				log.error("Could not store a resident's reply: the database is unavailable: {}",
						DatabaseFailures.describe(ex));
			}
			else {
				log.error("Could not store a resident's reply: {}", DatabaseFailures.describe(ex), ex);
			}
			response.setHeader("Cache-Control", "no-store");
			DatabaseFailures.serviceUnavailable(response);
			model.addAttribute("token", token);
			model.addAttribute("reply", form.typed());
			return "contact/reply-not-sent";
		}
	}

	@PostMapping("/messages/{token}/feedback")
	String feedback(@PathVariable String token, @RequestParam(required = false) String answered, Model model,
			HttpServletResponse response) {
		if (!"yes".equals(answered) && !"no".equals(answered)) {
			model.addAttribute("feedbackError", this.text.getMessage("contact.conversation.answered.required", null,
					LocaleContextHolder.getLocale()));
			return show(token, model, response, "", null);
		}
		ContactMessage message = find(token);
		if (isPastItsLinks(message)) {
			return expired(message, model, response);
		}
		if (message.getStatus() != MessageStatus.ANSWERED) {
			return "redirect:/messages/" + token;
		}
		this.messages.residentAnswered(token, "yes".equals(answered));
		return "redirect:/messages/" + token + ("yes".equals(answered) ? "?thanks" : "?reopened");
	}

	private String show(String token, Model model, HttpServletResponse response, String reply, String replyError) {
		response.setHeader("Cache-Control", "no-store");
		ContactMessage message = find(token);
		if (isPastItsLinks(message)) {
			return expired(message, model, response);
		}
		model.addAttribute("message", message);
		model.addAttribute("token", token);
		model.addAttribute("neighbourhood",
				this.neighbourhoods.byId(message.getNeighbourhoodId(), Languages.current()).orElseThrow());
		model.addAttribute("deadline", this.messages.formatDeadline(message.getDueAt()));
		model.addAttribute("dueExplanation", this.messages.dueExplanation(message.getDueExplanation()));
		model.addAttribute("reply", reply);
		model.addAttribute("replyError", replyError);
		model.addAttribute("errors", (replyError != null) ? java.util.List.of(new FormError("reply", replyError))
				: (model.getAttribute("feedbackError") != null)
						? java.util.List.of(new FormError("answered", (String) model.getAttribute("feedbackError")))
						: java.util.List.of());
		return "contact/conversation";
	}

	private boolean isPastItsLinks(ContactMessage message) {
		return message.isPastItsLinks(this.clock.instant(), this.retention.privateLinks(), this.clock.getZone());
	}

	/**
	 * A link past its time: a page that says so and how to write again, and nothing about
	 * the conversation. Reading it changes nothing in the database.
	 */
	private String expired(ContactMessage message, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("reference", message.getReference());
		model.addAttribute("erased", message.isErased());
		model.addAttribute("keptFor",
				this.wording.describe(this.retention.privateLinks(), LocaleContextHolder.getLocale()));
		model.addAttribute("neighbourhood",
				this.neighbourhoods.byId(message.getNeighbourhoodId(), Languages.current()).orElse(null));
		return "contact/link-expired";
	}

	private ContactMessage find(String token) {
		return this.messages.findByToken(token).orElseThrow(() -> new NotFoundException("No message for that link"));
	}

}
