package uk.yourarea.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * The checks on a staff account form that need more than its annotations: the email
 * address's uniqueness, the password policy, and the rules that tie roles to
 * neighbourhoods and areas.
 */
@Component
class StaffAccountChecks {

	private final StaffAccounts accounts;

	private final Assignments assignments;

	private final MessageSource messages;

	StaffAccountChecks(StaffAccounts accounts, Assignments assignments, MessageSource messages) {
		this.accounts = accounts;
		this.assignments = assignments;
		this.messages = messages;
	}

	/**
	 * Validation beyond the annotations: the rules that tie roles to neighbourhoods and
	 * areas.
	 */
	List<FormError> check(StaffAccountForm form, BindingResult result, StaffAccounts.@Nullable Account account,
			StaffUser admin) {
		List<Assignments.Area> areas = this.assignments.all();
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, StaffAccountForm.FIELD_ORDER));
		Map<String, String> byField = FormErrors.byField(errors);
		List<FormError> more = new ArrayList<>();
		if (!byField.containsKey("email") && form.email() != null
				&& this.accounts.emailInUse(form.email(), (account != null) ? account.id() : null)) {
			more.add(emailInUse());
		}
		if (!byField.containsKey("roles") && account != null && account.id() == admin.id()
				&& !form.hasRole(StaffRole.ADMIN)) {
			more.add(new FormError("roles", text("admin.accounts.roles.own-administrator")));
		}
		// Reading everything held about a resident is a separate duty: an administrator
		// cannot take it on alone.
		if (!byField.containsKey("roles") && account != null && account.id() == admin.id()
				&& form.hasRole(StaffRole.DATA_PROTECTION) && !account.roles().contains(StaffRole.DATA_PROTECTION)) {
			more.add(new FormError("roles", text("admin.accounts.roles.own-data-protection")));
		}
		if (!byField.containsKey("localPolicingAreaIds")) {
			if (!Assignments.areaIds(areas).containsAll(form.areaList())) {
				more.add(new FormError("localPolicingAreaIds", text("admin.accounts.areas.not-listed")));
			}
			else if (form.hasRole(StaffRole.SUPERVISOR) && form.areaList().isEmpty()
					&& form.neighbourhoodList().isEmpty()) {
				more.add(new FormError("localPolicingAreaIds", text("admin.accounts.areas.supervisor-needs")));
			}
		}
		if (!byField.containsKey("neighbourhoodIds")) {
			if (!Assignments.neighbourhoodIds(areas).containsAll(form.neighbourhoodList())) {
				more.add(new FormError("neighbourhoodIds", text("admin.accounts.neighbourhoods.not-listed")));
			}
			else if (form.hasRole(StaffRole.OFFICER) && !form.hasRole(StaffRole.SUPERVISOR)
					&& form.neighbourhoodList().isEmpty()) {
				more.add(new FormError("neighbourhoodIds", text("admin.accounts.neighbourhoods.officer-needs")));
			}
		}
		if (account == null && !byField.containsKey("temporaryPassword")) {
			if (form.temporaryPassword() == null || form.temporaryPassword().isEmpty()) {
				more.add(new FormError("temporaryPassword", text("admin.accounts.temporary-password.required")));
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

	FormError emailInUse() {
		return new FormError("email", text("admin.accounts.email-in-use"));
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

}
