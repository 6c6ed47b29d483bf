package uk.yourarea.postcode;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The postcode lookup's settings.
 *
 * @param answersKept how many recent answers the lookup keeps until a change of places
 * (about 250 bytes each); 0 sends every lookup to the database, as {@code bench/scale.sh}
 * does to measure the database at two sizes
 * @param answersLifetime how long an answer is kept at most: changes are announced, so
 * this only bounds how long an answer stays wrong if an announcement is missed (a lost
 * connection between instances, a change made by SQL)
 */
@ConfigurationProperties("yourarea.postcodes")
public record PostcodeProperties(@DefaultValue("10000") int answersKept, @DefaultValue("5m") Duration answersLifetime) {

	public PostcodeProperties {
		if (answersKept < 0) {
			throw new IllegalArgumentException("yourarea.postcodes.answers-kept must be 0 or more");
		}
		if (answersLifetime.isNegative() || answersLifetime.isZero()) {
			throw new IllegalArgumentException("yourarea.postcodes.answers-lifetime must be positive");
		}
	}

}
