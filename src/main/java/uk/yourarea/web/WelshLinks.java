package uk.yourarea.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page comes from its address alone ({@link WelshPaths}): Welsh under
 * {@code /cy}, English everywhere else, whatever the browser's {@code Accept-Language}
 * says, so that a page can be cached, shared and linked to in either language. Spring MVC
 * sends the page's language as {@code Content-Language}.
 * <p>
 * On a Welsh page, every {@code @{/...}} link of a template to a public page gets the
 * prefix (never one to a staff page or a static file), and the layout finds the other
 * language's address of the page in {@link #here()} (the {@code languages} variable of
 * every template).
 */
@Configuration(proxyBeanMethods = false)
public class WelshLinks {

	private final SiteProperties site;

	WelshLinks(SiteProperties site) {
		this.site = site;
	}

	@Bean
	static LocaleResolver localeResolver() {
		return new ByAddress();
	}

	@Bean
	static BeanPostProcessor welshTemplateLinks() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof SpringTemplateEngine engine) {
					engine.setLinkBuilder(new PrefixingLinkBuilder());
				}
				return bean;
			}
		};
	}

	/**
	 * The page being rendered in both languages, for the layout's language switch and its
	 * {@code hreflang} links; null outside a request.
	 */
	public @Nullable Here here() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		String contextPath = request.getContextPath();
		boolean welsh = WelshPaths.isWelsh(request);
		boolean error = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
		String path;
		String query = null;
		if (welsh) {
			path = (String) request.getAttribute(WelshPaths.WELSH);
		}
		else if (error && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
				&& uri.startsWith(contextPath)) {
			path = uri.substring(contextPath.length());
		}
		else {
			path = request.getRequestURI().substring(contextPath.length());
		}
		if (!error) {
			query = request.getQueryString();
		}
		String pathAndQuery = (query != null) ? path + "?" + query : path;
		String welshPath = path.equals("/") ? Languages.WELSH_PREFIX : Languages.WELSH_PREFIX + path;
		String welshPathAndQuery = (query != null) ? welshPath + "?" + query : welshPath;
		String base = this.site.baseUrl() + contextPath;
		return new Here(welsh, error, contextPath + pathAndQuery, contextPath + welshPathAndQuery, base + pathAndQuery,
				base + welshPathAndQuery);
	}

	/**
	 * A page in both languages.
	 *
	 * @param welsh whether this is the Welsh one
	 * @param error whether it is an error page (which has no alternates of its own)
	 * @param englishHref the English page's address within the site
	 * @param welshHref the Welsh page's address within the site
	 * @param englishUrl the English page's absolute URL
	 * @param welshUrl the Welsh page's absolute URL
	 */
	public record Here(boolean welsh, boolean error, String englishHref, String welshHref, String englishUrl,
			String welshUrl) {

		/** The address of this page in the other language: the language switch's link. */
		public String otherHref() {
			return this.welsh ? this.englishHref : this.welshHref;
		}

	}

	/** Welsh for a request {@link WelshPaths} marked, English for every other. */
	static final class ByAddress implements LocaleResolver {

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return WelshPaths.isWelsh(request) ? Languages.WELSH : Languages.ENGLISH;
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			throw new UnsupportedOperationException("The language of a page is in its address (/cy for Welsh)");
		}

	}

	/** Template links to public pages from a Welsh page go to Welsh pages. */
	static final class PrefixingLinkBuilder extends StandardLinkBuilder {

		@Override
		protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
			String contextPath = super.computeContextPath(context, base, parameters);
			if (context instanceof IWebContext web && web.getExchange().getAttributeValue(WelshPaths.WELSH) != null
					&& !WelshPaths.never(base)) {
				return contextPath + Languages.WELSH_PREFIX;
			}
			return contextPath;
		}

	}

}
