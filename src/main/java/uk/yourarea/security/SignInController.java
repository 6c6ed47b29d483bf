package uk.yourarea.security;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import uk.yourarea.security.SignInHandlers.Refusal;
import uk.yourarea.web.FormError;

/**
 * The staff sign-in page. Spring Security handles the form when it is sent (POST
 * {@code /staff/sign-in}); after a failure it shows this page again in its answer, with
 * the email address typed and why ({@link SignInHandlers.Failure}): 200 for a wrong email
 * address or password, 429 when there have been too many, and 503 with
 * {@code Retry-After} when the site was too busy to check the password.
 */
@Controller
class SignInController {

	private final MessageSource messages;

	private final Duration window;

	SignInController(MessageSource messages, SignInThrottle throttle) {
		this.messages = messages;
		this.window = throttle.window();
	}

	@GetMapping(SecurityConfiguration.SIGN_IN)
	String signIn(@AuthenticationPrincipal @Nullable StaffUser user,
			@RequestAttribute(name = SignInHandlers.REFUSAL, required = false) @Nullable Refusal refusal,
			@RequestParam(name = "signed-out", required = false) @Nullable String signedOut,
			@RequestParam(name = "ended", required = false) @Nullable String ended,
			@RequestParam(name = "timed-out", required = false) @Nullable String timedOut, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (user != null) {
			return "redirect:/staff";
		}
		String message = null;
		String email = "";
		if (refusal != null) {
			message = switch (refusal) {
				case WRONG -> text("security.sign-in.failed");
				case TOO_MANY -> text("security.sign-in.too-many", this.window.toMinutes());
				case BUSY -> text("security.sign-in.busy");
			};
			if (refusal == Refusal.TOO_MANY) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.window.toSeconds()));
			}
			if (refusal == Refusal.BUSY) {
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				response.setHeader(HttpHeaders.RETRY_AFTER,
						String.valueOf(PasswordHashingBusyException.RETRY_AFTER_SECONDS));
			}
			String typed = request.getParameter("email");
			email = (typed != null && typed.length() <= 254) ? typed : "";
		}
		model.addAttribute("errors", (message != null) ? List.of(new FormError("email", message)) : List.of());
		model.addAttribute("email", email);
		model.addAttribute("notice", (refusal != null) ? null : notice(signedOut, ended, timedOut));
		return "security/sign-in";
	}

	private @Nullable String notice(@Nullable String signedOut, @Nullable String ended, @Nullable String timedOut) {
		if (signedOut != null) {
			return text("security.sign-in.signed-out");
		}
		if (ended != null) {
			return text("security.sign-in.ended");
		}
		if (timedOut != null) {
			return text("security.sign-in.timed-out");
		}
		return null;
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
