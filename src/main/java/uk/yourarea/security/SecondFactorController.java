package uk.yourarea.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.web.FormError;

/**
 * The second step of signing in: after their password, a member of staff uses a passkey
 * (with JavaScript) or types a code from their authenticator app or a recovery code
 * (without). Until then no other staff page is shown to them.
 */
@Controller
class SecondFactorController {

	static final String SECOND_STEP = "/staff/second-step";

	private final SecondFactors secondFactors;

	private final SecondFactorGrants grants;

	private final SecurityEvents events;

	private final MessageSource messages;

	SecondFactorController(SecondFactors secondFactors, SecondFactorGrants grants, SecurityEvents events,
			MessageSource messages) {
		this.secondFactors = secondFactors;
		this.grants = grants;
		this.events = events;
		this.messages = messages;
	}

	@GetMapping(SECOND_STEP)
	String secondStep(@AuthenticationPrincipal StaffUser user, Authentication authentication, Model model) {
		if (SecondFactor.provided(authentication.getAuthorities())) {
			return "redirect:/staff";
		}
		if (!this.secondFactors.enrolled(user.id(), user.email())) {
			return "redirect:" + SecondFactorSetUpController.SET_UP;
		}
		return show(user, List.of(), model);
	}

	@PostMapping(SECOND_STEP)
	String checkCode(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String code, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (code.isBlank()) {
			return show(user, List.of(new FormError("code", text("security.second-step.error.blank"))), model);
		}
		if (code.length() > 40) {
			return show(user, List.of(new FormError("code", text("security.second-step.error.wrong"))), model);
		}
		SecondFactors.CodeCheck check = this.secondFactors.check(user.id(), code);
		switch (check) {
			case ACCEPTED_APP -> this.grants.grant(SecondFactor.AUTHENTICATOR_APP, request, response);
			case ACCEPTED_RECOVERY_CODE -> {
				this.grants.grant(SecondFactor.RECOVERY_CODE, request, response);
				redirect.addFlashAttribute("recoveryCodesLeft", this.secondFactors.recoveryCodesLeft(user.id()));
			}
			case TOO_MANY_WRONG -> {
				this.events.secondFactorRefused(user, request.getRemoteAddr());
				return show(user, List.of(new FormError("code", text("security.second-step.error.too-many"))), model);
			}
			case APP_KEY_NOT_OPENED -> {
				return show(user, List.of(new FormError("code", text("security.second-step.error.app-key-not-opened"))),
						model);
			}
			case WRONG -> {
				this.events.secondFactorFailed(user, request.getRemoteAddr());
				return show(user, List.of(new FormError("code", text("security.second-step.error.wrong"))), model);
			}
		}
		this.events.secondFactorPassed(user, check.name(), request.getRemoteAddr());
		return "redirect:" + this.grants.afterSecondStep(request, response);
	}

	private String show(StaffUser user, List<FormError> errors, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("hasPasskeys", !this.secondFactors.passkeys(user.email()).isEmpty());
		model.addAttribute("hasApp", this.secondFactors.hasAuthenticatorApp(user.id()));
		return "security/second-step";
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
