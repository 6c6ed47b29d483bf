package uk.yourarea.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * A member of staff changes their own password: always possible, and the only page open
 * to someone whose password was set by an administrator until they have chosen their own.
 * Wrong current passwords count as failed sign-ins for the account from that address
 * ({@link SignInThrottle}): after too many the page answers 429 and checks nothing.
 */
@Controller
class ChangePasswordController {

	private final StaffAccounts accounts;

	private final SecurityEvents events;

	private final MessageSource messages;

	private final SignInThrottle throttle;

	ChangePasswordController(StaffAccounts accounts, SecurityEvents events, MessageSource messages,
			SignInThrottle throttle) {
		this.accounts = accounts;
		this.events = events;
		this.messages = messages;
		this.throttle = throttle;
	}

	@GetMapping(StaffSessionFilter.CHANGE_PASSWORD)
	String form(@AuthenticationPrincipal StaffUser user, Model model) {
		return show(user, List.of(), model);
	}

	@PostMapping(StaffSessionFilter.CHANGE_PASSWORD)
	String change(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") ChangePasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, ChangePasswordForm.FIELD_ORDER));
		Map<String, String> byField = FormErrors.byField(errors);
		if (!byField.containsKey("currentPassword")) {
			StaffAccounts.CurrentPassword current;
			try {
				current = this.accounts.checkCurrentPassword(user, Objects.requireNonNull(form.currentPassword()),
						request.getRemoteAddr());
			}
			catch (PasswordHashingBusyException ex) {
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				response.setHeader(HttpHeaders.RETRY_AFTER,
						String.valueOf(PasswordHashingBusyException.RETRY_AFTER_SECONDS));
				return show(user, List.of(new FormError("currentPassword", text("security.change-password.busy"))),
						model);
			}
			if (current == StaffAccounts.CurrentPassword.TOO_MANY) {
				this.events.currentPasswordRefused(user, request.getRemoteAddr());
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.throttle.window().toSeconds()));
				return show(user, List.of(new FormError("currentPassword",
						text("security.change-password.too-many", this.throttle.window().toMinutes()))), model);
			}
			if (current == StaffAccounts.CurrentPassword.WRONG) {
				this.events.currentPasswordWrong(user, request.getRemoteAddr());
				errors.add(0, new FormError("currentPassword", text("security.change-password.current.wrong")));
			}
		}
		if (!byField.containsKey("newPassword")) {
			String newPassword = Objects.requireNonNull(form.newPassword());
			Optional<String> problem = newPassword.equals(form.currentPassword())
					? Optional.of(text("security.change-password.new.same"))
					: this.accounts.passwordProblem(newPassword, user.name(), user.email());
			problem.ifPresent(
					(message) -> errors.add(position(errors, "newPassword"), new FormError("newPassword", message)));
		}
		boolean newPasswordWrong = errors.stream().anyMatch((error) -> "newPassword".equals(error.field()));
		if (!byField.containsKey("confirmPassword") && !newPasswordWrong
				&& !Objects.equals(form.newPassword(), form.confirmPassword())) {
			errors.add(new FormError("confirmPassword", text("security.change-password.confirm.different")));
		}
		if (!errors.isEmpty()) {
			return show(user, errors, model);
		}
		String hash = this.accounts.changeOwnPassword(user.id(), Objects.requireNonNull(form.newPassword()));
		request.changeSessionId();
		StaffSessions.passwordChanged(request.getSession(), hash);
		this.events.passwordChanged(user, request.getRemoteAddr());
		redirect.addFlashAttribute("notice", text("security.change-password.changed"));
		return "redirect:/staff";
	}

	private static int position(List<FormError> errors, String field) {
		int before = ChangePasswordForm.FIELD_ORDER.indexOf(field);
		int index = 0;
		while (index < errors.size() && ChangePasswordForm.FIELD_ORDER.indexOf(errors.get(index).field()) < before) {
			index++;
		}
		return index;
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	private String show(StaffUser user, List<FormError> errors, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("user", user);
		model.addAttribute("mustChange",
				this.accounts.find(user.id()).map(StaffAccounts.Account::mustChangePassword).orElse(false));
		return "security/change-password";
	}

}
