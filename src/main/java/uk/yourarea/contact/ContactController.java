package uk.yourarea.contact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import uk.yourarea.alert.PublishedAlerts;
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

/** The resident's contact form to their neighbourhood team, and its confirmation. */
@Controller
class ContactController {

	/** The choices' values; each one's label is {@code contact.form.<field>.<value>}. */
	static final List<String> PREFERRED_CONTACT = List.of("EMAIL", "PHONE");

	static final List<String> SENDER_TYPES = List.of("RESIDENT", "BUSINESS");

	private static final Logger log = LoggerFactory.getLogger(ContactController.class);

	private final NeighbourhoodDirectory neighbourhoods;

	private final ContactMessages messages;

	private final ResponsePolicy policy;

	private final FormStamps stamps;

	private final PublishedAlerts alerts;

	private final MessageSource text;

	ContactController(NeighbourhoodDirectory neighbourhoods, ContactMessages messages, ResponsePolicy policy,
			FormStamps stamps, PublishedAlerts alerts, MessageSource text) {
		this.alerts = alerts;
		this.text = text;
		this.neighbourhoods = neighbourhoods;
		this.messages = messages;
		this.policy = policy;
		this.stamps = stamps;
	}

	/**
	 * The form; {@code ?alert=} opens it as a reply to one of the team's alerts, or as a
	 * plain message when that is not an alert published to this neighbourhood.
	 */
	@GetMapping("/area/{slug}/contact")
	String form(@PathVariable String slug, @RequestParam(name = "alert", required = false) @Nullable String alert,
			Model model, HttpServletResponse response) {
		NeighbourhoodSummary neighbourhood = neighbourhood(slug);
		noStore(response);
		Optional<PublishedAlerts.Published> inReplyTo = ContactForm.alertIdIn(alert)
			.flatMap((id) -> this.alerts.find(id, neighbourhood.id()));
		ContactForm form = ContactForm.blank(this.stamps.now(), newIdempotencyKey(),
				inReplyTo.map(PublishedAlerts.Published::id).orElse(null));
		return show(model, Team.of(neighbourhood), form, List.of(), null, inReplyTo);
	}

	@PostMapping("/area/{slug}/contact")
	String send(@PathVariable String slug, @Valid @ModelAttribute("form") ContactForm form, BindingResult result,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, ContactForm.FIELD_ORDER));
		if (form.preferredContact() == PreferredContact.PHONE && (form.phone() == null || form.phone().isBlank())
				&& errors.stream().noneMatch((error) -> error.field().equals("phone"))) {
			errors.add(new FormError("phone", text("contact.form.phone.required-for-call")));
			errors.sort(java.util.Comparator
				.comparingInt((FormError error) -> ContactForm.FIELD_ORDER.indexOf(error.field())));
		}
		if (form.idempotencyKey() == null || !form.idempotencyKey().matches("[0-9a-f]{32}")) {
			form = form.withIdempotencyKey(newIdempotencyKey());
		}
		try {
			NeighbourhoodSummary neighbourhood = neighbourhood(slug);
			if (FormTokens.refused(request)) {
				return show(model, Team.of(neighbourhood), form.withoutRefusedCharacters(), List.of(), "expired",
						inReplyTo(neighbourhood, form));
			}
			if (!errors.isEmpty()) {
				return show(model, Team.of(neighbourhood), form.withoutRefusedCharacters(), errors, null,
						inReplyTo(neighbourhood, form));
			}
			ContactMessages.Received received = receiveOnce(neighbourhood, form, request.getRemoteAddr());
			return "redirect:" + UriComponentsBuilder.fromPath("/area/{slug}/contact/sent")
				.queryParam("reference", received.reference())
				.buildAndExpand(slug)
				.toUriString();
		}
		catch (ContactMessages.TooManyMessages ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("team", new Team(slug, ""));
			model.addAttribute("form", form);
			return "contact/too-many";
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isDatabaseFailure(ex)) {
				throw ex;
			}
			// Whatever the database did, the resident loses nothing: the form again with
			// everything typed and the same idempotency key, so that sending it again
			// stores the message once even if this attempt got further than it seemed.
			if (DatabaseFailures.isOutage(ex)) {
				log.error("Could not store a contact message: the database is unavailable: {}",
						DatabaseFailures.describe(ex));
			}
			else {
				log.error("Could not store a contact message: {}", DatabaseFailures.describe(ex), ex);
			}
			DatabaseFailures.serviceUnavailable(response);
			// The alert's title cannot be read now; its id stays in the form.
			return show(model, new Team(slug, ""), form.withoutRefusedCharacters(), errors, "unavailable",
					Optional.empty());
		}
	}

	/**
	 * Stores the message, or finds it when a second send of the same form stored it at
	 * the same moment. Any other refusal by the database is a failure like an outage.
	 */
	private ContactMessages.Received receiveOnce(NeighbourhoodSummary neighbourhood, ContactForm form,
			String clientAddress) {
		try {
			return this.messages.receive(neighbourhood, form, clientAddress);
		}
		catch (DataIntegrityViolationException ex) {
			ContactMessages.Received stored = this.messages.findByIdempotencyKey(form.idempotencyKey())
				.orElseThrow(() -> ex);
			log.info("A contact form sent twice at the same moment was stored once, as message {}", stored.reference());
			return stored;
		}
	}

	@GetMapping("/area/{slug}/contact/sent")
	String sent(@PathVariable String slug, @RequestParam(required = false) String reference, Model model,
			HttpServletResponse response) {
		NeighbourhoodSummary neighbourhood = neighbourhood(slug);
		noStore(response);
		ContactMessages.Received received = this.messages
			.findReceived(reference == null ? "" : reference, neighbourhood.id())
			.orElseThrow(() -> new NotFoundException("No message " + reference));
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("received", received);
		model.addAttribute("deadline", this.messages.formatDeadline(received.dueAt()));
		model.addAttribute("dueExplanation", this.messages.dueExplanation(received.dueExplanation()));
		return "contact/sent";
	}

	/**
	 * The team a form goes to; its name is empty when the database could not be asked.
	 */
	record Team(String slug, String name) {

		static Team of(NeighbourhoodSummary neighbourhood) {
			return new Team(neighbourhood.slug(), neighbourhood.name());
		}

	}

	private static String newIdempotencyKey() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** The alert the form names, when it was published to this neighbourhood. */
	private Optional<PublishedAlerts.Published> inReplyTo(NeighbourhoodSummary neighbourhood, ContactForm form) {
		return form.alertId().flatMap((id) -> this.alerts.find(id, neighbourhood.id()));
	}

	private String show(Model model, Team team, ContactForm form, List<FormError> errors, @Nullable String problem,
			Optional<PublishedAlerts.Published> inReplyTo) {
		model.addAttribute("team", team);
		model.addAttribute("inReplyTo", inReplyTo.orElse(null));
		model.addAttribute("policy", this.policy);
		// Not an alert of this team's: the form goes on as a plain message. (With no
		// team name the database could not be asked, and the id stays.)
		model.addAttribute("form", (!team.name().isEmpty() && inReplyTo.isEmpty()) ? form.withAlert(null) : form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("problem", problem);
		model.addAttribute("preferredContactChoices", choices("contact.form.preferred-contact.", PREFERRED_CONTACT));
		model.addAttribute("senderTypeChoices", choices("contact.form.sender-type.", SENDER_TYPES));
		model.addAttribute("topicChoices",
				Arrays.stream(Topic.values())
					.map((topic) -> new Choice(topic.name(), text(topic.labelKey())))
					.toList());
		return "contact/form";
	}

	/** The choices of a question, each labelled in the request's language. */
	private List<Choice> choices(String prefix, List<String> values) {
		return values.stream()
			.map((value) -> new Choice(value, text(prefix + value.toLowerCase(Locale.ROOT).replace('_', '-'))))
			.toList();
	}

	private String text(String key) {
		return this.text.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private NeighbourhoodSummary neighbourhood(String slug) {
		return this.neighbourhoods.liveBySlug(slug, Languages.current())
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + slug));
	}

	/** These pages carry a form token or a resident's words: no cache may keep them. */
	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}

}
