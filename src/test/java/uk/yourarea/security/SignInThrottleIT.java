package uk.yourarea.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in limits as counted in the database: per email address and client address
 * together, per client address, lifting by themselves once the failures are older than
 * the window, and never more password checks than the limit, however many attempts come
 * at once. Uses made-up email addresses and client addresses, so no other test is
 * refused.
 */
@DemoSiteTest
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleIT {

	@Autowired
	private SignInThrottle throttle;

	@Autowired
	private AuthenticationManager staffAuthentication;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Clock clock;

	@Test
	void refusesAnAccountFromOneAddressAfterTenFailuresThereButNotFromAnywhereElse() {
		String email = unique() + "@example.org";
		String address = address();
		for (int failure = 1; failure <= 9; failure++) {
			fail(email, address);
		}
		assertThat(allowed(email, address)).as("after 9 failures").isTrue();
		fail(email.toUpperCase(), address);

		assertThat(this.throttle.tryAttempt(email, address)).as("after 10 failures, whatever the case").isEmpty();
		assertThat(allowed(email, address())).as("the same account from another address").isTrue();
		assertThat(allowed(unique() + "@example.org", address)).as("another account from that address").isTrue();

		age(SignInThrottle.accountAndAddressBucket(email, address), Duration.ofMinutes(5).plusSeconds(1));
		assertThat(allowed(email, address)).as("five minutes later").isTrue();
	}

	@Test
	void refusesAClientAddressAfterFiftyFailuresAcrossAccounts() {
		String address = "203.0.113." + (int) (Math.random() * 200) + "-" + unique();
		for (int failure = 1; failure <= 49; failure++) {
			fail(unique() + "@example.org", address);
		}
		String someoneElse = unique() + "@example.org";
		assertThat(allowed(someoneElse, address)).as("after 49 failures").isTrue();
		fail(unique() + "@example.org", address);

		assertThat(this.throttle.tryAttempt(someoneElse, address)).as("after 50 failures").isEmpty();
		assertThat(allowed(someoneElse, "198.51.100.8")).as("from another address").isTrue();

		age(SignInThrottle.addressBucket(address), Duration.ofMinutes(6));
		assertThat(allowed(someoneElse, address)).as("six minutes later").isTrue();
	}

	@Test
	void aThousandFailuresFromOtherAddressesNeverRefuseTheAccountFromItsOwn() throws Exception {
		String email = unique() + "@example.org";
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> failures = new ArrayList<>();
			for (int n = 0; n < 1000; n++) {
				String elsewhere = "198.18." + (n / 250) + "." + (n % 250);
				failures.add(threads.submit(() -> fail(email, elsewhere)));
			}
			for (Future<?> failure : failures) {
				failure.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_hit where bucket = ?", Long.class,
				SignInThrottle.accountBucket(email)))
			.as("all counted")
			.isEqualTo(1000);

		Optional<SignInThrottle.Attempt> own = this.throttle.tryAttempt(email, "192.0.2.200");

		assertThat(own).as("from the account's own address").isPresent();
		own.get().succeeded();
	}

	@Test
	void aRightPasswordForgetsTheFailuresFromThatAddressOnly() {
		String email = unique() + "@example.org";
		String home = address();
		String elsewhere = address();
		for (int failure = 1; failure <= 10; failure++) {
			fail(email, elsewhere);
		}
		for (int failure = 1; failure <= 9; failure++) {
			fail(email, home);
		}

		this.throttle.tryAttempt(email, home).orElseThrow().succeeded();

		for (int failure = 1; failure <= 9; failure++) {
			fail(email, home);
		}
		assertThat(allowed(email, home)).as("nine new failures at home").isTrue();
		assertThat(this.throttle.tryAttempt(email, elsewhere)).as("elsewhere").isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_hit where bucket = ?", Long.class,
				SignInThrottle.addressBucket(home)))
			.as("the sign-in itself is not counted against the address")
			.isEqualTo(18);
	}

	@Test
	void anAttemptNotCheckedDoesNotCount() {
		String email = unique() + "@example.org";
		String address = address();
		for (int failure = 1; failure <= 9; failure++) {
			fail(email, address);
		}

		this.throttle.tryAttempt(email, address).orElseThrow().notChecked();

		assertThat(allowed(email, address)).isTrue();
	}

	@Test
	void thirtyTwoAttemptsAtOnceGetTenPlacesAndNoMore() throws Exception {
		String email = unique() + "@example.org";
		String address = address();

		List<Optional<SignInThrottle.Attempt>> attempts = atOnce(32, () -> this.throttle.tryAttempt(email, address));

		assertThat(attempts.stream().filter(Optional::isPresent).count()).isEqualTo(10);
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_hit where bucket = ?", Long.class,
				SignInThrottle.accountAndAddressBucket(email, address)))
			.isEqualTo(10);
	}

	@Test
	void thirtyTwoWrongPasswordsAtOnceAreCheckedAtMostTenTimes(CapturedOutput output) throws Exception {
		String email = "parallel-" + unique() + "@example.org";
		String address = address();

		List<String> outcomes = atOnce(32, () -> {
			UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email,
					"a wrong password");
			attempt.setDetails(new WebAuthenticationDetails(address, null));
			try {
				this.staffAuthentication.authenticate(attempt);
				return "signed in";
			}
			catch (SignInThrottledException ex) {
				return "refused";
			}
			catch (SignInBusyException ex) {
				return "busy";
			}
			catch (BadCredentialsException ex) {
				return "checked";
			}
		});

		long checked = count(Pattern.quote("Sign-in failed: email=" + email + " "), output.getAll());
		assertThat(checked).as("password checks").isBetween(1L, 10L);
		assertThat(outcomes).filteredOn("checked"::equals).hasSize((int) checked);
		assertThat(outcomes).filteredOn("refused"::equals).hasSizeGreaterThanOrEqualTo(22);
		assertThat(outcomes).doesNotContain("signed in");
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_hit where bucket = ?", Long.class,
				SignInThrottle.accountAndAddressBucket(email, address)))
			.as("each check counted")
			.isEqualTo(checked);
	}

	@Test
	void warnsOfManyFailuresForOneAccountFromAnywhere(CapturedOutput output) {
		String email = unique() + "@example.org";
		for (int n = 0; n < 99; n++) {
			fail(email, "198.19." + n + ".1");
		}
		assertThat(output.getAll())
			.doesNotContain("Many failed sign-ins for one account from anywhere: email=" + email);

		fail(email, "198.19.100.1");

		assertThat(output.getAll())
			.contains("Many failed sign-ins for one account from anywhere: email=" + email + " failures=100");
		assertThat(allowed(email, "198.19.101.1")).as("nothing refused for it").isTrue();
	}

	@Test
	void keepsNoEmailAddressInTheDatabase() {
		String email = unique() + "@example.org";

		fail(email, "192.0.2.97");

		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_hit where bucket like ?", Long.class,
				"%" + email + "%"))
			.isZero();
		assertThat(SignInThrottle.accountBucket(email)).startsWith("sign-in-account:").hasSize(16 + 64);
		assertThat(SignInThrottle.accountAndAddressBucket(email, "192.0.2.97")).startsWith("sign-in-account-address:")
			.hasSize(24 + 64);
	}

	private void fail(String email, String address) {
		this.throttle.tryAttempt(email, address).orElseThrow().failed();
	}

	/** Whether an attempt would be allowed; the place it takes is given back. */
	private boolean allowed(String email, String address) {
		Optional<SignInThrottle.Attempt> attempt = this.throttle.tryAttempt(email, address);
		attempt.ifPresent(SignInThrottle.Attempt::notChecked);
		return attempt.isPresent();
	}

	private void age(String bucket, Duration by) {
		this.jdbc.update("update rate_limit_hit set at = ? where bucket = ?",
				Timestamp.from(this.clock.instant().minus(by)), bucket);
	}

	private static <T> List<T> atOnce(int how, Callable<T> task) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(how);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int n = 0; n < how; n++) {
				futures.add(threads.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static long count(String pattern, String text) {
		Matcher matcher = Pattern.compile(pattern).matcher(text);
		long found = 0;
		while (matcher.find()) {
			found++;
		}
		return found;
	}

	private static String address() {
		return "192.0.2." + (int) (Math.random() * 250) + "-" + unique();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 12);
	}

}
