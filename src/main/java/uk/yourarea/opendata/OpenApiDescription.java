package uk.yourarea.opendata;

import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.yourarea.web.SiteProperties;

/**
 * The OpenAPI document's title, description and licence; springdoc adds the paths and
 * schemas from {@link OpenDataController}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

	static final String LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

	@Bean
	OpenAPI openDataApi(MessageSource messages, SiteProperties site) {
		return new OpenAPI().info(new Info().title(messages.getMessage("open-data.openapi.title", null, Locale.UK))
			.description(
					messages.getMessage("open-data.openapi.description", new Object[] { site.link("/api") }, Locale.UK))
			.version("1")
			.license(new License().name(messages.getMessage("open-data.page.licence.link", null, Locale.UK))
				.url(LICENCE_URL)));
	}

}
