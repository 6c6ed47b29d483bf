package uk.yourarea.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of a staff controller needs besides the controller and its
 * mocked services: the layout's variables (the force, the site, the zone) from the
 * application's properties and a clock stopped at {@link #NOW}, so that a page is
 * rendered as it is for real. Not a {@code @Configuration}, so that the full-stack tests'
 * component scan leaves it out: a slice test names it in {@code @ContextConfiguration}.
 */
@EnableConfigurationProperties({ ForceProperties.class, SiteProperties.class })
@Import(SiteViewVariables.class)
public class StaffPageSlice {

	/** The moment the slice tests run at: 10am on 1 December 2026, UK time. */
	public static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneId.of("Europe/London"));
	}

}
