package uk.yourarea.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The site's own page for the requests Tomcat refuses before the application sees them:
 * an address it cannot decode ({@code /%zz}, {@code /a%00b}), a request line with
 * characters a request line may not hold, headers longer than
 * {@code server.max-http-request-header-size} or that it cannot parse. Tomcat answers
 * those from its host's error report valve, which would write a page of its own in
 * English, naming the server.
 * <p>
 * This valve, in its place, writes a page of the site's words from the message bundle: in
 * English and, when the site offers Welsh, in Welsh below it (the address of such a
 * request cannot be trusted to say which language its sender reads). Each page is written
 * once, when the site starts (or the first time a status no page was written for comes
 * up) and kept in memory: it needs nothing of the application, whose filters, Spring MVC
 * and templates a request Tomcat could not read may break, and nothing on disk, which a
 * cleaner of the temporary folder may empty under a long-running instance. Its style is
 * inline, and allowed by its hash in the page's Content-Security-Policy, so the page
 * loads nothing else.
 * <p>
 * Ordered after Spring Boot's customizer, which puts Tomcat's plain valve there: this one
 * replaces it.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	/** The statuses whose pages are written when the site starts. */
	static final List<Integer> STATUSES = List.of(400, 404, 413, 500, 503);

	/** Small, and close to the site's own look; no fonts or images to fetch. */
	static final String STYLE = "body{margin:0;font-family:Arial,sans-serif;font-size:19px;line-height:1.32;"
			+ "color:#0b0c0c;background:#fff}header{background:#0b3d91;color:#fff;padding:10px 15px}"
			+ "header p{margin:0;font-weight:700}main{max-width:640px;margin:0 auto;padding:20px 15px 40px}"
			+ "h1{font-size:32px;line-height:1.1;margin:20px 0}h2{font-size:24px;margin:30px 0 15px}"
			+ "a{color:#1d70b8}a:visited{color:#4c2c92}a:focus{outline:3px solid transparent;background:#fd0;"
			+ "color:#0b0c0c;text-decoration:none;box-shadow:0 -2px #fd0,0 4px #0b0c0c}"
			+ "hr{border:0;border-top:1px solid #b1b4b6;margin:40px 0 10px}"
			+ ".emergency{border-left:5px solid #d4351c;padding-left:15px}";

	private final MessageSource messages;

	private final SiteProperties site;

	private final ForceProperties force;

	ContainerErrorPages(MessageSource messages, SiteProperties site, ForceProperties force) {
		this.messages = messages;
		this.site = site;
		this.force = force;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		Pages pages = new Pages(this.messages, this.site, this.force);
		factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve.getClass() == ErrorReportValve.class) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new SiteErrorReportValve(pages));
			if (host instanceof StandardHost standardHost) {
				// Otherwise the host adds Tomcat's own when it starts, in front of this
				// one.
				standardHost.setErrorReportValveClass(SiteErrorReportValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The error pages, by status: written at once for the usual ones, later for others.
	 */
	static final class Pages {

		private final MessageSource messages;

		private final SiteProperties site;

		private final ForceProperties force;

		private final Map<Integer, String> byStatus = new ConcurrentHashMap<>();

		Pages(MessageSource messages, SiteProperties site, ForceProperties force) {
			this.messages = messages;
			this.site = site;
			this.force = force;
			STATUSES.forEach(this::page);
		}

		/** The page for a status of 400 or more. */
		String page(int status) {
			return this.byStatus.computeIfAbsent(status, this::write);
		}

		/**
		 * The page's Content-Security-Policy: the site's, with the page's style allowed.
		 */
		static String contentSecurityPolicy() {
			return SecurityHeadersFilter.CONTENT_SECURITY_POLICY.replace("style-src 'self'",
					"style-src 'self' 'sha256-" + sha256(STYLE) + "'");
		}

		private String write(int status) {
			List<Locale> languages = this.site.offersWelsh() ? List.of(Languages.ENGLISH, Languages.WELSH)
					: List.of(Languages.ENGLISH);
			StringBuilder sections = new StringBuilder();
			for (Locale language : languages) {
				if (!sections.isEmpty()) {
					sections.append("<hr>\n");
				}
				section(sections, status, language);
			}
			return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
					+ escape(title(status, languages)) + "</title>\n<style>" + STYLE
					+ "</style>\n</head>\n<body>\n<header>\n<p>" + names(languages, this.force::nameIn) + "</p>\n<p>"
					+ names(languages, this.site::serviceNameIn) + "</p>\n</header>\n<main>\n" + sections
					+ "</main>\n</body>\n</html>\n";
		}

		/**
		 * "Page not found / Heb ddod o hyd i'r dudalen – Your Area – Leicestershire
		 * Police", or, when the service or the force has a Welsh name, each language's
		 * title whole.
		 */
		private String title(int status, List<Locale> languages) {
			Function<Locale, String> names = (language) -> " – " + this.site.serviceNameIn(language) + " – "
					+ this.force.nameIn(language);
			boolean sameNames = languages.stream().map(names).distinct().count() == 1;
			String titles = languages.stream()
				.map((language) -> text(language, titleKey(status)) + (sameNames ? "" : names.apply(language)))
				.collect(Collectors.joining(" / "));
			return sameNames ? titles + names.apply(Languages.ENGLISH) : titles;
		}

		/** A name in each language it differs in, the Welsh marked as Welsh. */
		private static String names(List<Locale> languages, Function<Locale, String> name) {
			String english = name.apply(Languages.ENGLISH);
			StringBuilder names = new StringBuilder(escape(english));
			for (Locale language : languages) {
				String other = name.apply(language);
				if (!other.equals(english)) {
					names.append(" / <span lang=\"")
						.append(Languages.tagOf(language))
						.append("\">")
						.append(escape(other))
						.append("</span>");
				}
			}
			return names.toString();
		}

		private void section(StringBuilder page, int status, Locale language) {
			String prefix = Languages.pathPrefix(language);
			page.append("<div lang=\"").append(Languages.WELSH.equals(language) ? "cy" : "en-GB").append("\">\n");
			page.append("<h1>").append(escape(text(language, titleKey(status)))).append("</h1>\n");
			switch (status) {
				case 404 -> paragraphs(page, language, "error.not-found.typed", "error.not-found.pasted");
				case 500 -> paragraphs(page, language, "error.server.try-again");
				case 503 -> paragraphs(page, language, "error.unavailable.try-again");
				default -> paragraphs(page, language, "error.other.not-shown");
			}
			page.append("<p>").append(escape(text(language, "error.other.status", status))).append("</p>\n");
			page.append("<p>")
				.append(escape(text(language, "error.find.before")))
				.append(" <a href=\"")
				.append(escape(prefix.isEmpty() ? "/" : prefix))
				.append("\">")
				.append(escape(text(language, "error.find.link")))
				.append("</a> ")
				.append(escape(text(language, "area.postcode.or")))
				.append(" <a href=\"")
				.append(escape(prefix + "/areas"))
				.append("\">")
				.append(escape(text(language, "area.browse.link")))
				.append("</a>")
				.append(escape(text(language, "area.browse.after")))
				.append("</p>\n");
			page.append("<div class=\"emergency\">\n<h2>")
				.append(escape(text(language, "page.emergency.heading")))
				.append("</h2>\n");
			paragraphs(page, language, "page.emergency.call-999");
			page.append("<p>")
				.append(escape(text(language, "page.emergency.call-101.before")))
				.append(" <a href=\"")
				.append(escape(this.force.onlineReportingUrl()))
				.append("\">")
				.append(escape(text(language, "contact.form.warning.link")))
				.append("</a>")
				.append(escape(text(language, "contact.form.warning.after")))
				.append("</p>\n");
			paragraphs(page, language, "page.emergency.deaf");
			page.append("</div>\n</div>\n");
		}

		private static String titleKey(int status) {
			return switch (status) {
				case 404 -> "error.not-found.title";
				case 413 -> "error.too-large.title";
				case 503 -> "error.unavailable.title";
				default -> (status >= 500) ? "error.server.title" : "error.other.title";
			};
		}

		private void paragraphs(StringBuilder page, Locale language, String... keys) {
			for (String key : keys) {
				page.append("<p>").append(escape(text(language, key))).append("</p>\n");
			}
		}

		private String text(Locale language, String key, Object... arguments) {
			return this.messages.getMessage(key, arguments, language);
		}

		private static String escape(String text) {
			return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
		}

		private static String sha256(String text) {
			try {
				return Base64.getEncoder()
					.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every Java has SHA-256", ex);
			}
		}

	}

	/**
	 * Writes the site's page for an error no part of the application has answered.
	 * Tomcat's own report and server name stay off, should this one write nothing.
	 */
	static class SiteErrorReportValve extends ErrorReportValve {

		private static final Logger log = LoggerFactory.getLogger(SiteErrorReportValve.class);

		private final Pages pages;

		private final String contentSecurityPolicy;

		SiteErrorReportValve(Pages pages) {
			this.pages = pages;
			this.contentSecurityPolicy = Pages.contentSecurityPolicy();
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(true);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			log.info("Tomcat refused a request before the application saw it: {}", status);
			try {
				response.resetBuffer(true);
				response.setContentType("text/html;charset=UTF-8");
				response.setHeader("Cache-Control", "no-store");
				response.setHeader("Content-Security-Policy", this.contentSecurityPolicy);
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
				response.setHeader("X-Frame-Options", "DENY");
				response.setHeader("Permissions-Policy", SecurityHeadersFilter.PERMISSIONS_POLICY);
				if (request.isSecure()) {
					response.setHeader("Strict-Transport-Security", SecurityHeadersFilter.STRICT_TRANSPORT_SECURITY);
				}
				String page = this.pages.page(status);
				Writer writer = response.getReporter();
				if (writer != null) {
					response.setContentLength(page.getBytes(response.getCharacterEncoding()).length);
					writer.write(page);
				}
			}
			catch (IOException | RuntimeException ex) {
				// Nothing more can be sent.
				log.debug("Could not write the error page", ex);
			}
		}

	}

}
