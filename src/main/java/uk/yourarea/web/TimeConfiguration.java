package uk.yourarea.web;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	/** Residents and officers read times in UK local time, whatever the server's zone. */
	static final ZoneId UK = ZoneId.of("Europe/London");

	@Bean
	Clock clock() {
		return Clock.system(UK);
	}

}
