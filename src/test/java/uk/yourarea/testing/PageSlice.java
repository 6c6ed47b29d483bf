package uk.yourarea.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import uk.yourarea.personaldata.RetentionProperties;
import uk.yourarea.personaldata.RetentionWording;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.BindingFailureWords;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.SiteProperties;
import uk.yourarea.web.Words;

/**
 * What a {@code @WebMvcTest} of one controller needs to render its pages, and nothing
 * else: the layout's variables ({@code force}, {@code site}, {@code zone},
 * {@code words}), a clock stopped at {@link #NOW}, and a security chain that checks CSRF
 * tokens but leaves who may see a page to the full-stack tests. A test names it with its
 * controller in {@code @ContextConfiguration} (or imports it into a
 * {@code @Configuration} nested in the test class), so that the whole application is not
 * loaded. The one helper of every slice test: a second copy would drift from it.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ForceProperties.class, SiteProperties.class, RetentionProperties.class })
@Import({ RetentionWording.class, BindingFailureWords.class })
public class PageSlice {

	public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	PageSlice(ObjectProvider<ThymeleafViewResolver> views, ForceProperties force, SiteProperties site,
			MessageSource messages) {
		views.ifAvailable((resolver) -> {
			resolver.addStaticVariable("force", force);
			resolver.addStaticVariable("site", site);
			resolver.addStaticVariable("zone", ZoneId.of("Europe/London"));
			resolver.addStaticVariable("words", new Words(messages));
		});
	}

	/** The messages of a page's error summary, in the order shown. */
	public static List<String> errorSummary(Document page) {
		return page.select(".govuk-error-summary__list li").eachText();
	}

	/**
	 * Signed in as this member of staff, with the given authorities (like
	 * {@code ROLE_WEB_EDITOR}).
	 */
	public static RequestPostProcessor signedIn(StaffUser user, String... authorities) {
		return SecurityMockMvcRequestPostProcessors.authentication(UsernamePasswordAuthenticationToken
			.authenticated(user, null, Stream.of(authorities).map(SimpleGrantedAuthority::new).toList()));
	}

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneId.of("Europe/London"));
	}

	@Bean
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf(Customizer.withDefaults())
			.build();
	}

}
