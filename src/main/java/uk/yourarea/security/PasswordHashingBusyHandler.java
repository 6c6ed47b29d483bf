package uk.yourarea.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A staff page that hashes a password (an administrator creating an account or setting a
 * temporary password) found every turn taken ({@link PasswordHashingTurns}): 503 with
 * {@code Retry-After} and a page saying so, rather than an error. Nothing was changed.
 * Sign-in and the change-password page say it on their own forms.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PasswordHashingBusyHandler implements HandlerExceptionResolver {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof PasswordHashingBusyException)) {
			return null;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(PasswordHashingBusyException.RETRY_AFTER_SECONDS));
		return new ModelAndView("security/busy", Map.of(), HttpStatus.SERVICE_UNAVAILABLE);
	}

}
