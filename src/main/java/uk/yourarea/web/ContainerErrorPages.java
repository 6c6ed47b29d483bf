package uk.yourarea.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Globals;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The site's own error page for the requests Tomcat refuses before the application sees
 * them: an address longer than Tomcat reads
 * ({@code server.max-http-request-header-size}), headers it cannot parse. Tomcat answers
 * those from its host's error report valve, with a page of its own; this valve, in its
 * place, shows the site's error page instead (the same {@code /error} the application
 * renders, in the site's layout), or a line of text if even that cannot be rendered.
 * <p>
 * Ordered after Spring Boot's customizer, which puts Tomcat's plain valve there: this one
 * replaces it.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final MessageSource messages;

	ContainerErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve.getClass() == ErrorReportValve.class) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new SiteErrorReportValve(context, this.messages));
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
	 * Renders the site's error page for an error no part of the application has answered.
	 */
	static class SiteErrorReportValve extends ErrorReportValve {

		private static final Logger log = LoggerFactory.getLogger(SiteErrorReportValve.class);

		private final Context site;

		private final MessageSource messages;

		SiteErrorReportValve(Context site, MessageSource messages) {
			this.site = site;
			this.messages = messages;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			log.info("Tomcat refused a request before the application saw it: {}", status);
			try {
				if (request.getContext() == null) {
					request.getMappingData().context = this.site;
				}
				request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
				request.setAttribute(Globals.DISPATCHER_TYPE_ATTR, DispatcherType.ERROR);
				request.setAttribute(Globals.DISPATCHER_REQUEST_PATH_ATTR, "/error");
				response.resetBuffer(true);
				response.setContentLength(-1);
				this.site.getServletContext()
					.getRequestDispatcher("/error")
					.forward(asking(request.getRequest()), response.getResponse());
				response.setSuspended(false);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				log.info("Could not render the site's error page for it: {}", ex.toString());
				plain(response,
						this.messages.getMessage("web.container-error.text", new Object[] { status }, Locale.UK));
			}
		}

		/**
		 * The request as the error page sees it: one Tomcat could not read may have no
		 * headers at all, and without an {@code Accept} header the error controller would
		 * answer JSON. A page is better for whoever it is.
		 */
		private static HttpServletRequest asking(HttpServletRequest request) {
			if (request.getHeader(HttpHeaders.ACCEPT) != null) {
				return request;
			}
			return new HttpServletRequestWrapper(request) {

				@Override
				public String getHeader(String name) {
					return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.TEXT_HTML_VALUE
							: super.getHeader(name);
				}

				@Override
				public Enumeration<String> getHeaders(String name) {
					return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
							? Collections.enumeration(List.of(MediaType.TEXT_HTML_VALUE)) : super.getHeaders(name);
				}

			};
		}

		private static void plain(Response response, String text) {
			try {
				response.resetBuffer(true);
				response.setContentType("text/plain;charset=UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(text + "\n");
				}
			}
			catch (IOException | RuntimeException ex) {
				// Nothing more can be sent.
			}
		}

	}

}
