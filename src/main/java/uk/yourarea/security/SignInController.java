package uk.yourarea.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.yourarea.web.FormError;

/**
 * The staff sign-in page. Spring Security handles the form when it is sent (POST
 * {@code /staff/sign-in}); after a failure it comes back here with the message and the
 * email address as flash attributes.
 */
@Controller
class SignInController {

	@GetMapping(SecurityConfiguration.SIGN_IN)
	String signIn(@AuthenticationPrincipal @Nullable StaffUser user,
			@RequestParam(name = "signed-out", required = false) @Nullable String signedOut,
			@RequestParam(name = "ended", required = false) @Nullable String ended,
			@RequestParam(name = "timed-out", required = false) @Nullable String timedOut, Model model) {
		if (user != null) {
			return "redirect:/staff";
		}
		Object error = model.getAttribute(SignInHandlers.ERROR);
		model.addAttribute("errors",
				(error instanceof String message) ? List.of(new FormError("email", message)) : List.of());
		if (!model.containsAttribute(SignInHandlers.EMAIL)) {
			model.addAttribute(SignInHandlers.EMAIL, "");
		}
		model.addAttribute("notice", notice(signedOut, ended, timedOut));
		return "security/sign-in";
	}

	private static @Nullable String notice(@Nullable String signedOut, @Nullable String ended,
			@Nullable String timedOut) {
		if (signedOut != null) {
			return "You have signed out.";
		}
		if (ended != null) {
			return "You have been signed out. Sign in again to continue.";
		}
		if (timedOut != null) {
			return "Your session timed out. Sign in again to continue.";
		}
		return null;
	}

}
