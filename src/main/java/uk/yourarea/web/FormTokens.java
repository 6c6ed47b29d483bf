package uk.yourarea.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A resident's form whose CSRF token is missing or does not match (the cookie was
 * cleared, the browser was restarted, the form came from another tab) comes back with
 * everything they typed and a message to send it again, instead of a bare 403 that loses
 * it. The request is passed on to its controller marked as refused; the controller stores
 * nothing and shows the form again, with a fresh token. Only the forms listed here are
 * passed on, each of whose controllers checks {@link #refused}; any other public form
 * without a good token gets the 403 page.
 */
public final class FormTokens implements AccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(FormTokens.class);

	private static final String REFUSED = FormTokens.class.getName() + ".refused";

	private static final List<PathPattern> FORMS_THAT_COME_BACK = List
		.of("/area/{slug}/contact", "/area/{slug}/have-your-say", "/messages/{token}/reply", "/area/{slug}/alerts")
		.stream()
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	/**
	 * Whether this request's form token was refused: store nothing, show the form again.
	 */
	public static boolean refused(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(REFUSED));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (denied instanceof CsrfException && "POST".equals(request.getMethod()) && comesBack(path)) {
			log.info("A form's token was missing or did not match; the form is shown again: {}", denied.getMessage());
			request.setAttribute(REFUSED, Boolean.TRUE);
			response.setStatus(HttpStatus.FORBIDDEN.value());
			request.getRequestDispatcher(path).forward(request, response);
			return;
		}
		response.sendError(HttpStatus.FORBIDDEN.value());
	}

	private static boolean comesBack(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return FORMS_THAT_COME_BACK.stream().anyMatch((pattern) -> pattern.matches(container));
	}

}
