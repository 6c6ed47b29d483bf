package uk.yourarea.postcode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The postcode lookup's settings.
 *
 * @param answersKept how many recent answers the lookup keeps until a change of places
 * (about 250 bytes each); 0 sends every lookup to the database, as {@code bench/scale.sh}
 * does to measure the database at two sizes
 */
@ConfigurationProperties("yourarea.postcodes")
public record PostcodeProperties(@DefaultValue("10000") int answersKept) {

	public PostcodeProperties {
		if (answersKept < 0) {
			throw new IllegalArgumentException("yourarea.postcodes.answers-kept must be 0 or more");
		}
	}

}
