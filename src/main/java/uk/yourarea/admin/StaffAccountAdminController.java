package uk.yourarea.admin;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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

	static final String CHANGED_ELSEWHERE = "Someone else changed this account while you were editing it. "
			+ "Their changes are shown below: make your changes again.";

	private final StaffAccounts accounts;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final Assignments assignments;

	private final Clock clock;

	StaffAccountAdminController(StaffAccounts accounts, Assignments assignments, Clock clock) {
		this.accounts = accounts;
		this.assignments = assignments;
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
		List<Assignments.Area> areas = this.assignments.all();
		List<FormError> errors = check(form, result, areas, null, admin);
		if (!errors.isEmpty()) {
			return showForm(model, form.withoutPassword(), errors, null);
		}
		try {
			StaffAccounts.Account account = this.accounts.create(details(form),
					Objects.requireNonNull(form.temporaryPassword()), admin);
			redirect.addFlashAttribute("notice", account.name()
					+ "'s account has been added. Give them their temporary password: they must change it when they first sign in.");
			return "redirect:/staff/admin/accounts/" + account.id();
		}
		catch (StaffAccounts.EmailInUseException ex) {
			return showForm(model, form.withoutPassword(), List.of(emailInUse()), null);
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
		List<Assignments.Area> areas = this.assignments.all();
		List<FormError> errors = check(form, result, areas, account, admin);
		if (!errors.isEmpty()) {
			return showForm(model, form.withoutPassword(), errors, account);
		}
		try {
			this.accounts.update(id, (form.version() != null) ? form.version() : -1, details(form), admin);
		}
		catch (StaffAccounts.ChangedElsewhereException ex) {
			StaffAccounts.Account current = load(id);
			return showForm(model, StaffAccountForm.of(current), List.of(new FormError(null, CHANGED_ELSEWHERE)),
					current);
		}
		catch (StaffAccounts.EmailInUseException ex) {
			return showForm(model, form.withoutPassword(), List.of(emailInUse()), account);
		}
		redirect.addFlashAttribute("notice", "The changes to " + form.name() + "'s account have been saved");
		return "redirect:/staff/admin/accounts/" + id;
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal StaffUser admin, Model model,
			RedirectAttributes redirect) {
		StaffAccounts.Account account = load(id);
		if (id == admin.id()) {
			return showAccount(model, account, admin,
					List.of(new FormError(null, "You cannot disable your own account")));
		}
		this.accounts.disable(id, admin);
		redirect.addFlashAttribute("notice",
				account.name() + "'s account has been disabled. They cannot sign in, and have been signed out.");
		return "redirect:/staff/admin/accounts/" + id;
	}

	@PostMapping("/{id}/reset-second-factor")
	String resetSecondFactor(@PathVariable long id, @AuthenticationPrincipal StaffUser admin, Model model,
			RedirectAttributes redirect) {
		StaffAccounts.Account account = load(id);
		if (id == admin.id()) {
			return showAccount(model, account, admin,
					List.of(new FormError(null, "You cannot reset your own second factor. Ask another administrator")));
		}
		this.accounts.resetSecondFactor(id, admin);
		redirect.addFlashAttribute("notice", account.name()
				+ "'s passkeys, authenticator app and recovery codes have been removed. They will set up a new one when they next sign in, and have been told by email.");
		return "redirect:/staff/admin/accounts/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, @AuthenticationPrincipal StaffUser admin, RedirectAttributes redirect) {
		StaffAccounts.Account account = load(id);
		this.accounts.enable(id, admin);
		redirect.addFlashAttribute("notice", account.name() + "'s account has been enabled. They can sign in again.");
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
		redirect.addFlashAttribute("notice", "A temporary password has been set for " + account.name()
				+ ". Give it to them: they must change it when they next sign in.");
		return "redirect:/staff/admin/accounts/" + id;
	}

	/**
	 * Validation beyond the annotations: the rules that tie roles to neighbourhoods and
	 * areas.
	 */
	private List<FormError> check(StaffAccountForm form, BindingResult result, List<Assignments.Area> areas,
			StaffAccounts.@Nullable Account account, StaffUser admin) {
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, StaffAccountForm.FIELD_ORDER));
		Map<String, String> byField = FormErrors.byField(errors);
		List<FormError> more = new ArrayList<>();
		if (!byField.containsKey("email") && form.email() != null
				&& this.accounts.emailInUse(form.email(), (account != null) ? account.id() : null)) {
			more.add(emailInUse());
		}
		if (!byField.containsKey("roles") && account != null && account.id() == admin.id()
				&& !form.hasRole(StaffRole.ADMIN)) {
			more.add(new FormError("roles", "You cannot remove the administrator role from your own account"));
		}
		if (!byField.containsKey("localPolicingAreaIds")) {
			if (!Assignments.areaIds(areas).containsAll(form.areaList())) {
				more.add(new FormError("localPolicingAreaIds", "Select local policing areas from the list"));
			}
			else if (form.hasRole(StaffRole.SUPERVISOR) && form.areaList().isEmpty()
					&& form.neighbourhoodList().isEmpty()) {
				more.add(new FormError("localPolicingAreaIds",
						"Select the local policing areas this supervisor looks after"));
			}
		}
		if (!byField.containsKey("neighbourhoodIds")) {
			if (!Assignments.neighbourhoodIds(areas).containsAll(form.neighbourhoodList())) {
				more.add(new FormError("neighbourhoodIds", "Select neighbourhoods from the list"));
			}
			else if (form.hasRole(StaffRole.OFFICER) && !form.hasRole(StaffRole.SUPERVISOR)
					&& form.neighbourhoodList().isEmpty()) {
				more.add(new FormError("neighbourhoodIds", "Select the neighbourhoods this officer belongs to"));
			}
		}
		if (account == null && !byField.containsKey("temporaryPassword")) {
			if (form.temporaryPassword() == null || form.temporaryPassword().isEmpty()) {
				more.add(new FormError("temporaryPassword", "Enter a temporary password"));
			}
			else {
				this.accounts
					.passwordProblem(form.temporaryPassword(), Objects.requireNonNullElse(form.name(), ""),
							Objects.requireNonNullElse(form.email(), ""))
					.ifPresent((problem) -> more.add(new FormError("temporaryPassword", problem)));
			}
		}
		errors.addAll(more);
		errors.sort((a, b) -> Integer.compare(position(a), position(b)));
		return errors;
	}

	private static int position(FormError error) {
		int index = StaffAccountForm.FIELD_ORDER.indexOf(error.field());
		return (index < 0) ? Integer.MAX_VALUE : index;
	}

	private static FormError emailInUse() {
		return new FormError("email", "An account with this email address already exists");
	}

	private static StaffAccounts.Details details(StaffAccountForm form) {
		return new StaffAccounts.Details(Objects.requireNonNull(form.name()).strip(),
				Objects.requireNonNull(form.email()).strip(), new HashSet<>(form.roleList()),
				Set.copyOf(form.neighbourhoodList()), Set.copyOf(form.areaList()));
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
