package uk.yourarea.admin;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.NotFoundException;

/**
 * Administrators manage staff accounts: list, add (with a temporary password), change,
 * disable and enable, and set a temporary password. Only administrators reach
 * {@code /staff/admin/**} (see the security configuration).
 */
@Controller
@RequestMapping("/staff/admin/accounts")
class StaffAccountAdminController {

	private final StaffAccounts accounts;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final Assignments assignments;

	private final StaffAccountChecks checks;

	private final MessageSource messages;

	private final Clock clock;

	StaffAccountAdminController(StaffAccounts accounts, Assignments assignments, StaffAccountChecks checks,
			MessageSource messages, Clock clock) {
		this.accounts = accounts;
		this.assignments = assignments;
		this.checks = checks;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", this.accounts.list());
		return "admin/accounts";
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		return showForm(model, StaffAccountForm.blank(), List.of(), null);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal StaffUser admin, @Valid @ModelAttribute("form") StaffAccountForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<FormError> errors = this.checks.check(form, result, null, admin);
		if (!errors.isEmpty()) {
			return showForm(model, form.withoutPassword(), errors, null);
		}
		try {
			StaffAccounts.Account account = this.accounts.create(details(form),
					Objects.requireNonNull(form.temporaryPassword()), admin);
			redirect.addFlashAttribute("notice", text("admin.accounts.added", account.name()));
			return "redirect:/staff/admin/accounts/" + account.id();
		}
		catch (StaffAccounts.EmailInUseException ex) {
			return showForm(model, form.withoutPassword(), List.of(this.checks.emailInUse()), null);
		}
	}

	@GetMapping("/{id}")
	String account(@PathVariable long id, @AuthenticationPrincipal StaffUser admin, Model model) {
		return showAccount(model, load(id), admin, List.of());
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		StaffAccounts.Account account = load(id);
		return showForm(model, StaffAccountForm.of(account), List.of(), account);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @AuthenticationPrincipal StaffUser admin,
			@Valid @ModelAttribute("form") StaffAccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		StaffAccounts.Account account = load(id);
		List<FormError> errors = this.checks.check(form, result, account, admin);
		if (!errors.isEmpty()) {
			return showForm(model, form.withoutPassword(), errors, account);
		}
		try {
			this.accounts.update(id, (form.version() != null) ? form.version() : -1, details(form), admin);
		}
		catch (StaffAccounts.ChangedElsewhereException ex) {
			StaffAccounts.Account current = load(id);
			return showForm(model, StaffAccountForm.of(current),
					List.of(new FormError(null, text("admin.accounts.changed-elsewhere"))), current);
		}
		catch (StaffAccounts.EmailInUseException ex) {
			return showForm(model, form.withoutPassword(), List.of(this.checks.emailInUse()), account);
		}
		redirect.addFlashAttribute("notice", text("admin.accounts.saved", form.name()));
		return "redirect:/staff/admin/accounts/" + id;
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal StaffUser admin, Model model,
			RedirectAttributes redirect) {
		StaffAccounts.Account account = load(id);
		if (id == admin.id()) {
			return showAccount(model, account, admin,
					List.of(new FormError(null, text("admin.accounts.disable-self"))));
		}
		this.accounts.disable(id, admin);
		redirect.addFlashAttribute("notice", text("admin.accounts.disabled", account.name()));
		return "redirect:/staff/admin/accounts/" + id;
	}

	@PostMapping("/{id}/reset-second-factor")
	String resetSecondFactor(@PathVariable long id, @AuthenticationPrincipal StaffUser admin, Model model,
			RedirectAttributes redirect) {
		StaffAccounts.Account account = load(id);
		if (id == admin.id()) {
			return showAccount(model, account, admin, List.of(new FormError(null, text("admin.accounts.reset-self"))));
		}
		this.accounts.resetSecondFactor(id, admin);
		redirect.addFlashAttribute("notice", text("admin.accounts.second-factor-reset", account.name()));
		return "redirect:/staff/admin/accounts/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, @AuthenticationPrincipal StaffUser admin, RedirectAttributes redirect) {
		StaffAccounts.Account account = load(id);
		this.accounts.enable(id, admin);
		redirect.addFlashAttribute("notice", text("admin.accounts.enabled", account.name()));
		return "redirect:/staff/admin/accounts/" + id;
	}

	@GetMapping("/{id}/temporary-password")
	String temporaryPasswordForm(@PathVariable long id, Model model) {
		return showTemporaryPassword(model, load(id), List.of());
	}

	@PostMapping("/{id}/temporary-password")
	String setTemporaryPassword(@PathVariable long id, @AuthenticationPrincipal StaffUser admin,
			@Valid @ModelAttribute("form") TemporaryPasswordForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		StaffAccounts.Account account = load(id);
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, List.of("temporaryPassword")));
		if (errors.isEmpty()) {
			this.accounts
				.passwordProblem(Objects.requireNonNull(form.temporaryPassword()), account.name(), account.email())
				.ifPresent((problem) -> errors.add(new FormError("temporaryPassword", problem)));
		}
		if (!errors.isEmpty()) {
			return showTemporaryPassword(model, account, errors);
		}
		this.accounts.setTemporaryPassword(id, Objects.requireNonNull(form.temporaryPassword()), admin);
		redirect.addFlashAttribute("notice", text("admin.accounts.temporary-password-set", account.name()));
		return "redirect:/staff/admin/accounts/" + id;
	}

	private static StaffAccounts.Details details(StaffAccountForm form) {
		return new StaffAccounts.Details(Objects.requireNonNull(form.name()).strip(),
				Objects.requireNonNull(form.email()).strip(), new HashSet<>(form.roleList()),
				Set.copyOf(form.neighbourhoodList()), Set.copyOf(form.areaList()), form.collarNumber());
	}

	private String text(String key, @Nullable Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

	private StaffAccounts.Account load(long id) {
		return this.accounts.find(id).orElseThrow(() -> new NotFoundException("No staff account " + id));
	}

	private String showForm(Model model, StaffAccountForm form, List<FormError> errors,
			StaffAccounts.@Nullable Account account) {
		model.addAttribute("form", form);
		model.addAttribute("account", account);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("roles", StaffRole.values());
		List<Assignments.Area> areas = this.assignments.all();
		model.addAttribute("areas", areas);
		model.addAttribute("firstNeighbourhoodId",
				areas.stream()
					.flatMap((area) -> area.neighbourhoods().stream())
					.map(Assignments.Choice::id)
					.findFirst()
					.orElse(-1L));
		return (account == null) ? "admin/new-account" : "admin/edit-account";
	}

	private String showAccount(Model model, StaffAccounts.Account account, StaffUser admin, List<FormError> errors) {
		List<Assignments.Area> areas = this.assignments.all();
		model.addAttribute("account", account);
		model.addAttribute("areaNames", Assignments.areaNames(areas, account.localPolicingAreaIds()));
		model.addAttribute("neighbourhoodNames", Assignments.neighbourhoodNames(areas, account.neighbourhoodIds()));
		model.addAttribute("self", account.id() == admin.id());
		model.addAttribute("hasSecondFactor", this.accounts.hasSecondFactor(account.id()));
		model.addAttribute("addedOn", DAY.format(account.createdAt().atZone(this.clock.getZone())));
		model.addAttribute("errors", errors);
		return "admin/account";
	}

	private String showTemporaryPassword(Model model, StaffAccounts.Account account, List<FormError> errors) {
		model.addAttribute("account", account);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "admin/temporary-password";
	}

}
