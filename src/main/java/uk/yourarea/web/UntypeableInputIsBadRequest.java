package uk.yourarea.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A form that comes back because a field held characters no keyboard types (a null byte,
 * other control characters: {@link PlainText}, {@link SingleLine}) is answered {@code 400
 * Bad Request}, not {@code 200}: the page is the same, with the message and everything
 * else that was typed, but a program sending such requests learns they were refused.
 * Ordinary mistakes (an empty field, an email address without an {@code @}) stay
 * {@code 200}, as a person would expect.
 * <p>
 * The validators mark the request when they refuse a value, so this holds however the
 * controller then shows the form (several put a cleaned copy of it in the model, which
 * drops the binding result).
 */
@Configuration(proxyBeanMethods = false)
class UntypeableInputIsBadRequest implements WebMvcConfigurer, HandlerInterceptor {

	private static final String REFUSED = UntypeableInputIsBadRequest.class.getName() + ".REFUSED";

	/**
	 * Marks the current request, if there is one, as holding refused characters. Always
	 * false, so that a validator can end with {@code || refused()}.
	 */
	static boolean refused() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(REFUSED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
		return false;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// Last in the chain, so that its postHandle runs first: the other interceptors
		// (public page caching) then see the 400.
		registry.addInterceptor(this).order(Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		boolean formShownAgain = modelAndView != null && modelAndView.hasView()
				&& !String.valueOf(modelAndView.getViewName()).startsWith("redirect:");
		if (formShownAgain && request.getAttribute(REFUSED) != null && response.getStatus() == HttpStatus.OK.value()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
	}

}
