package uk.yourarea.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.FormPage;
import uk.yourarea.web.OnceOnly;

/**
 * Staff write alerts to residents who subscribed: the list, a new alert, a draft changed,
 * its preview, sending now or later, cancelling, and approving a force-wide one. Who may
 * do what is {@link AlertComposing}'s check, so a page reached by typing its address is
 * refused the same way.
 */
@Controller
@OnceOnly.Forms
@RequestMapping("/staff/alerts")
class StaffAlertsController {

	static final String BASE = "/staff/alerts";

	/** The button pressed on the alert form. */
	static final String PREVIEW = "preview";

	private final AlertComposing composing;

	private final AlertFormChecks checks;

	private final AlertViews views;

	private final NeighbourhoodDirectory directory;

	private final OnceOnly onceOnly;

	private final MessageSource messages;

	StaffAlertsController(AlertComposing composing, AlertFormChecks checks, AlertViews views,
			NeighbourhoodDirectory directory, OnceOnly onceOnly, MessageSource messages) {
		this.composing = composing;
		this.checks = checks;
		this.views = views;
		this.directory = directory;
		this.onceOnly = onceOnly;
		this.messages = messages;
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffUser user, Model model) {
		model.addAttribute("alerts", this.composing.visibleTo(user).stream().map(this.views::row).toList());
		model.addAttribute("canWrite", !this.composing.targetsOf(user).isEmpty());
		model.addAttribute("seesAddresses", AlertAccess.writesEverywhere(user));
		return "alert/staff/list";
	}

	@GetMapping("/new")
	String newAlert(@AuthenticationPrincipal StaffUser user, Model model) {
		return showForm(user, model, null, AlertForm.blank(), List.of());
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") AlertForm form,
			BindingResult result, @RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String idempotencyKey, Model model, RedirectAttributes redirect) {
		AlertAccess.Targets targets = this.composing.targetsOf(user);
		AlertFormChecks.CheckedDraft checked = this.checks.check(form, result, targets.neighbourhoodIds());
		if (checked.draft().isEmpty()) {
			return showForm(user, model, null, form, checked.errors());
		}
		AlertDraft draft = checked.draft().get();
		boolean preview = PREVIEW.equals(action);
		String next = this.onceOnly.run(idempotencyKey, BASE + "/new", List.of(String.valueOf(draft)), user.id(),
				() -> {
					long id = this.composing.create(user, draft);
					return "redirect:" + BASE + "/" + id + (preview ? "/preview" : "");
				});
		if (!preview) {
			redirect.addFlashAttribute("notice", text("alerts.staff.saved", draft.title()));
		}
		return next;
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		return showAlert(model, this.composing.find(user, id), ReturnAlertForm.blank(), List.of());
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		AlertComposing.Shown shown = this.composing.find(user, id);
		if (!shown.changeable()) {
			return notADraft(id, shown.alert(), redirect);
		}
		return showForm(user, model, shown, AlertForm.of(shown.alert()), List.of());
	}

	@PostMapping("/{id}/edit")
	String change(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") AlertForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String action, Model model, RedirectAttributes redirect) {
		AlertComposing.Shown shown = this.composing.find(user, id);
		if (!shown.changeable()) {
			return notADraft(id, shown.alert(), redirect);
		}
		AlertFormChecks.CheckedDraft checked = this.checks.check(form, result,
				this.composing.targetsOf(user).neighbourhoodIds());
		if (checked.draft().isEmpty()) {
			return showForm(user, model, shown, form, checked.errors());
		}
		AlertDraft draft = checked.draft().get();
		try {
			this.composing.edit(user, id, (form.version() != null) ? form.version() : -1, draft);
		}
		catch (ChangedElsewhereException ex) {
			AlertComposing.Shown saved = this.composing.find(user, id);
			if (!saved.changeable()) {
				return notADraft(id, saved.alert(), redirect);
			}
			return showForm(user, model, saved, form.basedOn(saved.alert().getVersion()),
					List.of(new FormError(null, text("alerts.staff.changed-elsewhere"))));
		}
		if (PREVIEW.equals(action)) {
			return "redirect:" + BASE + "/" + id + "/preview";
		}
		redirect.addFlashAttribute("notice", text("alerts.staff.saved", draft.title()));
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal StaffUser user, @PathVariable long id, RedirectAttributes redirect) {
		AlertComposing.Shown shown = this.composing.find(user, id);
		if (!shown.changeable()) {
			return notADraft(id, shown.alert(), redirect);
		}
		this.composing.delete(user, id);
		redirect.addFlashAttribute("notice", text("alerts.staff.deleted", shown.alert().getTitle()));
		return "redirect:" + BASE;
	}

	@GetMapping("/{id}/preview")
	String preview(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		AlertComposing.Shown shown = this.composing.find(user, id);
		if (!shown.changeable()) {
			return notADraft(id, shown.alert(), redirect);
		}
		return showPreview(model, shown, SendAlertForm.blank(), List.of());
	}

	@PostMapping("/{id}/send")
	String send(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@ModelAttribute("form") SendAlertForm form, Model model, RedirectAttributes redirect) {
		AlertComposing.Shown shown = this.composing.find(user, id);
		if (!shown.changeable()) {
			return notADraft(id, shown.alert(), redirect);
		}
		AlertFormChecks.CheckedTime checked = this.checks.check(form);
		if (checked.sendAt().isEmpty()) {
			return showPreview(model, shown, form, checked.errors());
		}
		AlertComposing.Sent sent = this.composing.send(user, id, checked.sendAt().get());
		String title = shown.alert().getTitle();
		redirect.addFlashAttribute("notice", switch (sent) {
			case SCHEDULED -> SendAlertForm.NOW.equals(form.when()) ? text("alerts.staff.sent.now", title)
					: text("alerts.staff.sent.later", title, this.views.at(checked.sendAt().get()));
			case AWAITING_APPROVAL -> text("alerts.staff.sent.for-approval", title);
			case ALREADY -> text("alerts.staff.sent.already", title);
		});
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping("/{id}/cancel")
	String cancel(@AuthenticationPrincipal StaffUser user, @PathVariable long id, RedirectAttributes redirect) {
		AlertComposing.Shown shown = this.composing.find(user, id);
		boolean cancelled = this.composing.cancel(user, id);
		redirect.addFlashAttribute("notice",
				text(cancelled ? "alerts.staff.cancelled" : "alerts.staff.not-cancelled", shown.alert().getTitle()));
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping("/{id}/approve")
	String approve(@AuthenticationPrincipal StaffUser user, @PathVariable long id, RedirectAttributes redirect) {
		AlertComposing.Shown shown = this.composing.find(user, id);
		boolean approved = this.composing.approve(user, id);
		redirect.addFlashAttribute("notice",
				text(approved ? "alerts.staff.approved" : "alerts.staff.not-waiting", shown.alert().getTitle()));
		return "redirect:" + BASE + "/" + id;
	}

	@PostMapping("/{id}/return")
	String returnToAuthor(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") ReturnAlertForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		AlertComposing.Shown shown = this.composing.find(user, id);
		List<FormError> errors = FormErrors.inPageOrder(result, List.of("reason"));
		if (!errors.isEmpty()) {
			return showAlert(model, shown, form, errors);
		}
		boolean returned = this.composing.returnToDraft(user, id, form.reason().strip());
		redirect.addFlashAttribute("notice",
				text(returned ? "alerts.staff.returned" : "alerts.staff.not-waiting", shown.alert().getTitle()));
		return "redirect:" + BASE + "/" + id;
	}

	private String notADraft(long id, Alert alert, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				text(alert.isDraft() ? "alerts.staff.not-yours" : "alerts.staff.not-a-draft", alert.getTitle()));
		return "redirect:" + BASE + "/" + id;
	}

	private String showForm(StaffUser user, Model model, AlertComposing.@Nullable Shown alert, AlertForm form,
			List<FormError> errors) {
		AlertAccess.Targets targets = this.composing.targetsOf(user);
		model.addAttribute("alert", (alert != null) ? this.views.row(alert) : null);
		model.addAttribute("topics",
				Arrays.stream(AlertTopic.values())
					.map((topic) -> new Choice(topic.name(), text(topic.labelKey())))
					.toList());
		model.addAttribute("neighbourhoods",
				targets.neighbourhoods()
					.stream()
					.map((neighbourhood) -> new Choice(String.valueOf(neighbourhood.id()),
							targets.areasAndForce() ? text("alerts.staff.neighbourhood-in-area", neighbourhood.name(),
									neighbourhood.area().name()) : neighbourhood.name()))
					.toList());
		model.addAttribute("areasAndForce", targets.areasAndForce());
		model.addAttribute("reaches",
				Arrays.stream(AlertReach.values())
					.map((reach) -> new Choice(reach.name(), text(reach.labelKey())))
					.toList());
		model.addAttribute("areas",
				targets.areasAndForce() ? this.directory.areas()
					.stream()
					.map((area) -> new Choice(String.valueOf(area.id()), area.name()))
					.toList() : List.of());
		return FormPage.show(model, (alert == null) ? "alert/staff/new" : "alert/staff/edit", form, errors, null);
	}

	private String showAlert(Model model, AlertComposing.Shown shown, ReturnAlertForm form, List<FormError> errors) {
		model.addAttribute("alert", this.views.page(shown));
		return FormPage.show(model, "alert/staff/alert", form, errors, null);
	}

	private String showPreview(Model model, AlertComposing.Shown shown, SendAlertForm form, List<FormError> errors) {
		model.addAttribute("alert", this.views.row(shown));
		model.addAttribute("preview", this.views.preview(shown.alert()));
		model.addAttribute("latestScheduleDays", this.checks.latestScheduleDays());
		return FormPage.show(model, "alert/staff/preview", form, errors, null);
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

}
