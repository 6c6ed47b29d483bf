package uk.yourarea.opendata;

import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.yourarea.web.SiteProperties;

/**
 * The OpenAPI document's title, description and licence, and what each path answers;
 * springdoc adds the paths and schemas from {@link OpenDataController}. The words come
 * from the message bundle, like every other word of the site.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

	static final String LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

	/** Each path's description in the bundle: {@code open-data.operation.<name>}. */
	static final Map<String, String> OPERATIONS = Map.ofEntries(Map.entry("/api/forces", "forces"),
			Map.entry("/api/forces/{force}", "force"), Map.entry("/api/{force}/neighbourhoods", "neighbourhoods"),
			Map.entry("/api/{force}/{id}", "neighbourhood"), Map.entry("/api/{force}/{id}/boundary", "boundary"),
			Map.entry("/api/{force}/{id}/people", "people"), Map.entry("/api/{force}/{id}/priorities", "priorities"),
			Map.entry("/api/{force}/{id}/events", "events"),
			Map.entry("/api/{force}/{id}/response-record", "response-record"),
			Map.entry("/api/locate-neighbourhood", "locate-neighbourhood"),
			Map.entry("/api/postcode/{postcode}", "postcode"));

	@Bean
	OpenApiCustomizer openDataOperations(MessageSource messages) {
		return (openApi) -> openApi.getPaths().forEach((path, item) -> {
			String name = OPERATIONS.get(path);
			if (name != null && item.getGet() != null) {
				item.getGet().description(messages.getMessage("open-data.operation." + name, null, Locale.UK));
			}
		});
	}

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
