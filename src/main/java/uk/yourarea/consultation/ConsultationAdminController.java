package uk.yourarea.consultation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.NotFoundException;

/**
 * Staff pages for a neighbourhood's consultations: the list, opening one, the results
 * (and their CSV), closing early and the moderation of free-text concerns. Officers and
 * supervisors may use them for their own neighbourhoods, web editors and administrators
 * for all.
 */
@Controller
class ConsultationAdminController {

	static final String BASE = "/staff/neighbourhoods/{id}/consultations";

	private final Consultations consultations;

	private final NeighbourhoodDirectory neighbourhoods;

	private final StaffScope scope;

	private final ConsultationDates dates;

	private final MessageSource messages;

	ConsultationAdminController(Consultations consultations, NeighbourhoodDirectory neighbourhoods, StaffScope scope,
			ConsultationDates dates, MessageSource messages) {
		this.consultations = consultations;
		this.neighbourhoods = neighbourhoods;
		this.scope = scope;
		this.dates = dates;
		this.messages = messages;
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	@GetMapping(BASE)
	String list(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		NeighbourhoodSummary neighbourhood = neighbourhood(user, id);
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("consultations", this.consultations.list(id));
		return "consultation/list";
	}

	@GetMapping(BASE + "/new")
	String newForm(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		NeighbourhoodSummary neighbourhood = neighbourhood(user, id);
		LocalDate today = this.dates.today();
		return showNew(model, neighbourhood,
				ConsultationForm.suggested(this.consultations.suggestedQuestion(neighbourhood.name()),
						this.consultations.suggestedIssues(id), today, today.plusWeeks(4)),
				List.of());
	}

	@PostMapping(BASE + "/new")
	String open(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") ConsultationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		NeighbourhoodSummary neighbourhood = neighbourhood(user, id);
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, ConsultationForm.FIELD_ORDER));
		form.check(this.dates.today(), this.messages)
			.stream()
			.filter((error) -> errors.stream().noneMatch((e) -> e.field().equals(error.field())))
			.forEach(errors::add);
		errors.sort(Comparator.comparingInt((FormError error) -> ConsultationForm.FIELD_ORDER.indexOf(error.field())));
		if (!errors.isEmpty()) {
			return showNew(model, neighbourhood, form, errors);
		}
		long consultationId;
		try {
			consultationId = this.consultations.open(user, neighbourhood, form.question(), form.issueList(),
					form.opensOn(), form.closesOn());
		}
		catch (Consultations.Overlapping ex) {
			return showNew(model, neighbourhood, form, List.of(new FormError("opensOn-day", ex.explanation())));
		}
		redirect.addFlashAttribute("notice",
				form.opensOn().equals(this.dates.today()) ? text("consultation.staff.opened")
						: text("consultation.staff.scheduled", this.dates.day(form.opensOn())));
		return "redirect:/staff/neighbourhoods/" + id + "/consultations/" + consultationId;
	}

	@GetMapping(BASE + "/{cid}")
	String results(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable long cid,
			Model model) {
		NeighbourhoodSummary neighbourhood = neighbourhood(user, id);
		Consultation consultation = this.consultations.find(id, cid);
		Consultation.State state = consultation.stateAt(this.dates.now());
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("consultation", consultation);
		model.addAttribute("state", text(state.labelKey()));
		model.addAttribute("isOpen", state == Consultation.State.OPEN);
		model.addAttribute("opens", this.dates.day(this.dates.openingDay(consultation)));
		model.addAttribute("closes", this.dates.closing(consultation));
		model.addAttribute("results", this.consultations.results(consultation));
		model.addAttribute("pending", this.consultations.pendingConcerns(consultation).size());
		return "consultation/results";
	}

	@PostMapping(BASE + "/{cid}/close")
	String closeEarly(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable long cid,
			RedirectAttributes redirect) {
		NeighbourhoodSummary neighbourhood = neighbourhood(user, id);
		boolean closed = this.consultations.closeEarly(user, neighbourhood, cid);
		redirect.addFlashAttribute("notice",
				closed ? text("consultation.staff.closed") : text("consultation.staff.not-open"));
		return "redirect:/staff/neighbourhoods/" + id + "/consultations/" + cid;
	}

	@GetMapping(BASE + "/{cid}/responses.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable long cid) {
		NeighbourhoodSummary neighbourhood = neighbourhood(user, id);
		Consultation consultation = this.consultations.find(id, cid);
		String name = "have-your-say-" + neighbourhood.slug() + "-" + this.dates.openingDay(consultation).toString()
				+ ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.consultations.csv(consultation).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping(BASE + "/{cid}/concerns")
	String concerns(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable long cid,
			Model model) {
		NeighbourhoodSummary neighbourhood = neighbourhood(user, id);
		Consultation consultation = this.consultations.find(id, cid);
		return showConcerns(model, neighbourhood, consultation, null, null, null);
	}

	@PostMapping(BASE + "/{cid}/concerns/{responseId}")
	String decide(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable long cid,
			@PathVariable long responseId, @RequestParam(required = false) @Nullable String decision,
			@RequestParam(required = false) @Nullable String text, Model model, RedirectAttributes redirect) {
		NeighbourhoodSummary neighbourhood = neighbourhood(user, id);
		Consultation consultation = this.consultations.find(id, cid);
		String shown = (text == null) ? "" : text.strip();
		try {
			if ("approve".equals(decision)) {
				if (shown.isEmpty()) {
					return showConcerns(model, neighbourhood, consultation, responseId, text,
							text("consultation.staff.concern.required"));
				}
				if (shown.length() > 1000) {
					return showConcerns(model, neighbourhood, consultation, responseId, text,
							text("consultation.staff.concern.too-long"));
				}
				this.consultations.approveConcern(user, neighbourhood, consultation, responseId, shown);
				redirect.addFlashAttribute("notice", text("consultation.staff.concern.approved"));
			}
			else if ("reject".equals(decision)) {
				this.consultations.rejectConcern(user, neighbourhood, consultation, responseId);
				redirect.addFlashAttribute("notice", text("consultation.staff.concern.rejected"));
			}
			else {
				return showConcerns(model, neighbourhood, consultation, responseId, text,
						text("consultation.staff.concern.decision"));
			}
		}
		catch (Consultations.AlreadyModerated ex) {
			redirect.addFlashAttribute("notice", text("consultation.staff.concern.already-decided"));
		}
		return "redirect:/staff/neighbourhoods/" + id + "/consultations/" + cid + "/concerns";
	}

	private String showConcerns(Model model, NeighbourhoodSummary neighbourhood, Consultation consultation,
			@Nullable Long errorFor, @Nullable String typed, @Nullable String error) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("consultation", consultation);
		model.addAttribute("concerns", this.consultations.pendingConcerns(consultation));
		model.addAttribute("errorFor", errorFor);
		model.addAttribute("typed", typed);
		model.addAttribute("errors",
				(error == null) ? List.of() : List.of(new FormError("concern-" + errorFor, error)));
		model.addAttribute("error", error);
		return "consultation/concerns";
	}

	private String showNew(Model model, NeighbourhoodSummary neighbourhood, ConsultationForm form,
			List<FormError> errors) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "consultation/new";
	}

	/**
	 * The neighbourhood, if this member of staff may run its consultations (else 403).
	 */
	private NeighbourhoodSummary neighbourhood(StaffUser user, long id) {
		this.scope.requireCanEditPrioritiesAndEventsOf(user, id);
		return this.neighbourhoods.byId(id).orElseThrow(() -> new NotFoundException("No neighbourhood " + id));
	}

}
