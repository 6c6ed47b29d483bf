package uk.yourarea.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The open data API's settings.
 *
 * @param forceId the force's id in the API's paths, as data.police.uk spells it (for
 * example {@code leicestershire})
 */
@ConfigurationProperties("yourarea.open-data")
public record OpenDataProperties(@DefaultValue("leicestershire") String forceId) {

}
