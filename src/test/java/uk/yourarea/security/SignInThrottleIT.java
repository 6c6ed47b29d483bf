package uk.yourarea.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in limits as counted in the database: per email address, per client address,
 * lifting by themselves once the failures are older than the window. Uses made-up
 * addresses and email addresses, so no other test is locked out.
 */
@DemoSiteTest
class SignInThrottleIT {

	@Autowired
	private SignInThrottle throttle;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	@Test
	void locksAnAccountAfterTenFailuresAndLiftsTheLockWhenTheyAreOlderThanFiveMinutes() {
		String email = unique() + "@example.org";
		String address = "192.0.2." + (int) (Math.random() * 200);
		for (int failure = 1; failure <= 9; failure++) {
			this.throttle.failed(email, address);
		}
		assertThat(this.throttle.isLocked(email, address)).as("after 9 failures").isFalse();
		this.throttle.failed(email.toUpperCase(), address);
		assertThat(this.throttle.isLocked(email, address)).as("after 10 failures, whatever the case").isTrue();
		assertThat(this.throttle.isLocked(email, "198.51.100.7")).as("from another address").isTrue();

		age(SignInThrottle.accountBucket(email), Duration.ofMinutes(5).plusSeconds(1));

		assertThat(this.throttle.isLocked(email, address)).as("five minutes later").isFalse();
	}

	@Test
	void locksAClientAddressAfterFiftyFailuresAcrossAccounts() {
		String address = "203.0.113." + (int) (Math.random() * 200) + "-" + unique();
		for (int failure = 1; failure <= 49; failure++) {
			this.throttle.failed(unique() + "@example.org", address);
		}
		String someoneElse = unique() + "@example.org";
		assertThat(this.throttle.isLocked(someoneElse, address)).as("after 49 failures").isFalse();
		this.throttle.failed(unique() + "@example.org", address);

		assertThat(this.throttle.isLocked(someoneElse, address)).as("after 50 failures").isTrue();
		assertThat(this.throttle.isLocked(someoneElse, "198.51.100.8")).as("from another address").isFalse();

		age(SignInThrottle.addressBucket(address), Duration.ofMinutes(6));
		assertThat(this.throttle.isLocked(someoneElse, address)).as("six minutes later").isFalse();
	}

	@Test
	void forgetsAnAccountsFailuresWhenItSignsIn() {
		String email = unique() + "@example.org";
		for (int failure = 1; failure <= 10; failure++) {
			this.throttle.failed(email, "192.0.2.99");
		}

		this.throttle.succeeded(email);

		assertThat(this.throttle.isLocked(email, "192.0.2.98")).isFalse();
	}

	@Test
	void keepsNoEmailAddressInTheDatabase() {
		String email = unique() + "@example.org";

		this.throttle.failed(email, "192.0.2.97");

		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_hit where bucket like ?", Long.class,
				"%" + email + "%"))
			.isZero();
		assertThat(SignInThrottle.accountBucket(email)).startsWith("sign-in-account:").hasSize(16 + 64);
	}

	private void age(String bucket, Duration by) {
		this.jdbc.update("update rate_limit_hit set at = ? where bucket = ?",
				Timestamp.from(this.clock.instant().minus(by)), bucket);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 12);
	}

}
