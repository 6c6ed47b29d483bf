package uk.yourarea.neighbourhood;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.EditConflicts;
import uk.yourarea.audit.EditConflict;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormPage;

/**
 * The staff side of neighbourhoods: the list, each neighbourhood's hub (links to its
 * team, priorities, events, coverage and history), and for web editors and administrators
 * adding, changing and retiring neighbourhoods. Officers and supervisors reach the list
 * and the hubs of the neighbourhoods whose priorities and events they may edit, and
 * nothing else here (the security configuration keeps them off the rest).
 */
@Controller
@RequestMapping("/staff/neighbourhoods")
class NeighbourhoodAdminController {

	private static final Collator A_TO_Z = Collator.getInstance(Locale.UK);

	private final NeighbourhoodChanges changes;

	private final LocalPolicingAreaChanges areas;

	private final NeighbourhoodRepository neighbourhoods;

	private final StaffScope scope;

	private final EditConflicts conflicts;

	private final NeighbourhoodFormValidator validator;

	private final MessageSource messages;

	NeighbourhoodAdminController(NeighbourhoodChanges changes, LocalPolicingAreaChanges areas,
			NeighbourhoodRepository neighbourhoods, StaffScope scope, EditConflicts conflicts,
			NeighbourhoodFormValidator validator, MessageSource messages) {
		this.changes = changes;
		this.areas = areas;
		this.neighbourhoods = neighbourhoods;
		this.scope = scope;
		this.conflicts = conflicts;
		this.validator = validator;
		this.messages = messages;
	}

	/** One local policing area's neighbourhoods on the list, A to Z. */
	record Group(String name, String code, List<Neighbourhood> neighbourhoods) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffUser user, Model model) {
		boolean editor = this.scope.canEditEverything(user);
		List<Neighbourhood> all;
		if (editor) {
			all = this.neighbourhoods.findAllWithArea();
		}
		else {
			Set<Long> visible = this.scope.neighbourhoodIdsVisibleTo(user);
			all = visible.isEmpty() ? List.of() : this.neighbourhoods.findAllWithAreaByIdIn(visible);
		}
		List<Neighbourhood> sorted = new ArrayList<>(all);
		sorted.sort(Comparator.comparing((Neighbourhood n) -> n.getLocalPolicingArea().getName(), A_TO_Z)
			.thenComparing(Neighbourhood::getName, A_TO_Z));
		Map<Long, Group> groups = new LinkedHashMap<>();
		List<Neighbourhood> retired = new ArrayList<>();
		for (Neighbourhood neighbourhood : sorted) {
			if (neighbourhood.isRetired()) {
				retired.add(neighbourhood);
				continue;
			}
			LocalPolicingArea area = neighbourhood.getLocalPolicingArea();
			groups.computeIfAbsent(area.getId(), (id) -> new Group(area.getName(), area.getCode(), new ArrayList<>()))
				.neighbourhoods()
				.add(neighbourhood);
		}
		retired.sort(Comparator.comparing(Neighbourhood::getName, A_TO_Z));
		model.addAttribute("groups", List.copyOf(groups.values()));
		model.addAttribute("retired", retired);
		model.addAttribute("editor", editor);
		model.addAttribute("liveCount", sorted.size() - retired.size());
		return "neighbourhood/list";
	}

	@GetMapping("/new")
	String newNeighbourhood(Model model) {
		return showForm(model, NeighbourhoodForm.blank(), List.of(), null, null);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") NeighbourhoodForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<FormError> errors = this.validator.check(form, result, null);
		if (!errors.isEmpty()) {
			return showForm(model, form, errors, null, null);
		}
		try {
			Neighbourhood created = this.changes.create(form, user);
			redirect.addFlashAttribute("notice", text("neighbourhood.added", created.getName(), created.getSlug()));
			return "redirect:/staff/neighbourhoods/" + created.getId();
		}
		catch (NeighbourhoodChanges.InvalidChange ex) {
			return showForm(model, form, NeighbourhoodFormValidator.inPageOrder(ex.problems()), null, null);
		}
		catch (DataIntegrityViolationException ex) {
			// Someone else took the code or the web address a moment ago.
			return showForm(model, form, this.validator.explain(ex, form, result, null), null, null);
		}
	}

	@GetMapping("/{id}")
	String hub(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model) {
		this.scope.requireCanEditPrioritiesAndEventsOf(user, id);
		Neighbourhood neighbourhood = this.changes.find(id);
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("formerSlugs", this.changes.formerSlugs(id));
		model.addAttribute("editor", this.scope.canEditEverything(user));
		model.addAttribute("retiredOn", (neighbourhood.getRetiredOn() != null)
				? NeighbourhoodChanges.DAY.format(neighbourhood.getRetiredOn()) : null);
		return "neighbourhood/hub";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = this.changes.find(id);
		if (neighbourhood.isRetired()) {
			return retiredAlready(neighbourhood, redirect);
		}
		return showForm(model, NeighbourhoodForm.of(neighbourhood), List.of(), neighbourhood, null);
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") NeighbourhoodForm typed, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Neighbourhood neighbourhood = this.changes.find(id);
		if (neighbourhood.isRetired()) {
			return retiredAlready(neighbourhood, redirect);
		}
		NeighbourhoodForm form = typed.withCode(neighbourhood.getCode());
		List<FormError> errors = this.validator.check(form, result, id);
		if (!errors.isEmpty()) {
			return showForm(model, form, errors, neighbourhood, null);
		}
		try {
			return EditConflicts.saveOr(() -> {
				Neighbourhood saved = this.changes.update(id, EditConflicts.openedAt(form.version()), form, user);
				String notice = neighbourhood.getSlug().equals(saved.getSlug())
						? text("neighbourhood.saved", saved.getName()) : text("neighbourhood.saved-new-address",
								saved.getName(), saved.getSlug(), neighbourhood.getSlug());
				redirect.addFlashAttribute("notice", notice);
				return "redirect:/staff/neighbourhoods/" + id;
			}, () -> {
				Neighbourhood current = this.changes.find(id);
				return this.conflicts.formAgain(NeighbourhoodChanges.SUBJECT_TYPE, id,
						NeighbourhoodChanges.editable(current), this.changes.editable(form), (conflict, errorsNow) -> {
							model.addAttribute("conflict", conflict);
							return showForm(model, form.basedOn(current.getVersion()), errorsNow, current, conflict);
						});
			});
		}
		catch (NeighbourhoodChanges.InvalidChange ex) {
			return showForm(model, form, NeighbourhoodFormValidator.inPageOrder(ex.problems()), neighbourhood, null);
		}
		catch (DataIntegrityViolationException ex) {
			return showForm(model, form, this.validator.explain(ex, form, result, id), neighbourhood, null);
		}
		catch (IllegalStateException ex) {
			// Retired by someone else while this form was open.
			return retiredAlready(this.changes.find(id), redirect);
		}
	}

	@GetMapping("/{id}/retire")
	String confirmRetire(@PathVariable long id, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = this.changes.find(id);
		if (neighbourhood.isRetired()) {
			return retiredAlready(neighbourhood, redirect);
		}
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("footprint", this.changes.footprint(id));
		return "neighbourhood/retire";
	}

	@PostMapping("/{id}/retire")
	String retire(@AuthenticationPrincipal StaffUser user, @PathVariable long id, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = this.changes.find(id);
		if (neighbourhood.isRetired()) {
			return retiredAlready(neighbourhood, redirect);
		}
		try {
			Neighbourhood retired = this.changes.retire(id, user);
			redirect.addFlashAttribute("notice", text("neighbourhood.retired", retired.getName()));
		}
		catch (IllegalStateException | ObjectOptimisticLockingFailureException ex) {
			return retiredAlready(this.changes.find(id), redirect);
		}
		return "redirect:/staff/neighbourhoods/" + id;
	}

	private String retiredAlready(Neighbourhood neighbourhood, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", text("neighbourhood.retired-already", neighbourhood.getName()));
		return "redirect:/staff/neighbourhoods/" + neighbourhood.getId();
	}

	private String showForm(Model model, NeighbourhoodForm form, List<FormError> errors,
			@Nullable Neighbourhood neighbourhood, @Nullable EditConflict conflict) {
		model.addAttribute("neighbourhood", neighbourhood);
		List<Choice> choices = new ArrayList<>(
				this.areas.live().stream().map((area) -> new Choice(area.getId().toString(), area.getName())).toList());
		if (neighbourhood != null && neighbourhood.getLocalPolicingArea().isRetired()) {
			LocalPolicingArea current = neighbourhood.getLocalPolicingArea();
			choices.add(new Choice(current.getId().toString(), current.getName() + " (retired)"));
		}
		model.addAttribute("areaChoices", choices);
		model.addAttribute("selectedArea",
				(form.localPolicingAreaId() != null) ? Objects.toString(form.localPolicingAreaId()) : null);
		return FormPage.show(model, (neighbourhood == null) ? "neighbourhood/new" : "neighbourhood/edit", form, errors,
				conflict);
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
