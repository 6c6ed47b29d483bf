package uk.yourarea.security;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.YourAreaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose address the sign-in limits count: the client's, from {@code X-Forwarded-For},
 * only when the request comes from a trusted proxy
 * ({@code server.forward-headers-strategy
 * =native} with {@code server.tomcat.remoteip.internal-proxies}); anyone else's header is
 * ignored. Two whole sites on the test database: one that trusts this machine as its
 * proxy, as production trusts nginx, and one whose only trusted proxy is an address that
 * never connects.
 */
class ClientAddressIT {

	private static final String WRONG = "Enter a correct email address and password";

	private static final String TOO_MANY = "Too many attempts. Wait 5 minutes and try again.";

	private static ConfigurableApplicationContext behindProxy;

	private static ConfigurableApplicationContext proxyElsewhere;

	private static Instant started;

	@BeforeAll
	static void startTwoSites() {
		started = Instant.now();
		behindProxy = site("127.0.0.0/8, ::1/128");
		proxyElsewhere = site("192.0.2.254/32");
	}

	@AfterAll
	static void stopThem() {
		if (proxyElsewhere != null) {
			// Take back the failures this test added for this machine's own address,
			// which
			// every other test signing in from here shares.
			jdbc().update("delete from rate_limit_hit where bucket like 'sign-in-address:%' and at >= ?",
					Timestamp.from(started.minusSeconds(1)));
			proxyElsewhere.close();
		}
		if (behindProxy != null) {
			behindProxy.close();
		}
	}

	private static ConfigurableApplicationContext site(String internalProxies) {
		// As command-line arguments, so that they win over application.yml.
		return new SpringApplicationBuilder(YourAreaApplication.class).profiles("demo")
			.run("--server.port=0", "--management.server.port=0", "--yourarea.mail.relay-enabled=false",
					"--server.forward-headers-strategy=native",
					"--server.tomcat.remoteip.internal-proxies=" + internalProxies);
	}

	@Test
	void afterAThousandWrongPasswordsFromElsewhereTheOfficerSignsInAtOnceFromTheirOwnAddress() throws Exception {
		String officer = "officer.wigston@example.org";
		SignInThrottle throttle = behindProxy.getBean(SignInThrottle.class);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> failures = new ArrayList<>();
			for (int n = 0; n < 990; n++) {
				String elsewhere = "198.18." + (n / 200) + "." + (n % 200 + 1);
				failures.add(threads.submit(() -> throttle.tryAttempt(officer, elsewhere).orElseThrow().failed()));
			}
			for (Future<?> failure : failures) {
				failure.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		for (int n = 0; n < 10; n++) {
			String elsewhere = "198.18.100." + (n + 1);
			StaffBrowser attacker = StaffBrowser.on(behindProxy.getEnvironment()).forwardedFor(elsewhere);
			HttpResponse<String> failed = attacker.signIn(officer, "a guess " + n);
			assertThat(failed.statusCode()).as("guess %d, checked", n).isEqualTo(200);
			assertThat(StaffBrowser.parse(failed).select(".govuk-error-summary__list").text()).isEqualTo(WRONG);
			assertThat(hits(SignInThrottle.addressBucket(elsewhere))).as("counted for %s", elsewhere).isEqualTo(1);
		}
		assertThat(hits(SignInThrottle.accountBucket(officer))).as("1,000 failures for the account")
			.isGreaterThanOrEqualTo(1000);

		StaffBrowser own = StaffBrowser.on(behindProxy.getEnvironment()).forwardedFor("203.0.113.10");
		String token = StaffBrowser.csrfToken(own.page("/staff/sign-in"), "/staff/sign-in");
		long start = System.nanoTime();
		HttpResponse<String> signedIn = own.post("/staff/sign-in", token, "email", officer, "password",
				StaffBrowser.DEMO_PASSWORD);
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(signedIn)).isEqualTo("/staff");
		assertThat(took).as("no wait").isLessThan(Duration.ofSeconds(2));
		assertThat(own.get("/staff/inbox").statusCode()).isEqualTo(200);
	}

	@Test
	void tenFailuresBehindTheProxyRefuseOnlyTheClientThatMadeThem() {
		String email = unique() + "@example.org";
		for (int n = 1; n <= 10; n++) {
			StaffBrowser.on(behindProxy.getEnvironment()).forwardedFor("198.51.100.21").signIn(email, "guess " + n);
		}

		HttpResponse<String> sameClient = StaffBrowser.on(behindProxy.getEnvironment())
			.forwardedFor("198.51.100.21")
			.signIn(email, "guess 11");
		HttpResponse<String> otherClient = StaffBrowser.on(behindProxy.getEnvironment())
			.forwardedFor("198.51.100.22")
			.signIn(email, "guess 12");

		assertThat(sameClient.statusCode()).isEqualTo(429);
		assertThat(otherClient.statusCode()).as("another client behind the same proxy").isEqualTo(200);
		assertThat(StaffBrowser.parse(otherClient).select(".govuk-error-summary__list").text()).isEqualTo(WRONG);
	}

	@Test
	void aForwardedForHeaderFromAnUntrustedAddressIsIgnored() {
		String email = unique() + "@example.org";
		for (int n = 1; n <= 10; n++) {
			String spoofed = "198.51.100." + (100 + n);
			HttpResponse<String> failed = StaffBrowser.on(proxyElsewhere.getEnvironment())
				.forwardedFor(spoofed)
				.signIn(email, "guess " + n);
			assertThat(StaffBrowser.parse(failed).select(".govuk-error-summary__list").text()).as("guess %d", n)
				.isEqualTo(WRONG);
			assertThat(hits(SignInThrottle.addressBucket(spoofed))).as("nothing counted for %s", spoofed).isZero();
		}

		HttpResponse<String> eleventh = StaffBrowser.on(proxyElsewhere.getEnvironment())
			.forwardedFor("198.51.100.200")
			.signIn(email, "guess 11");

		assertThat(eleventh.statusCode()).as("all ten came from this machine, whatever the header said").isEqualTo(429);
		Document page = StaffBrowser.parse(eleventh);
		assertThat(page.select(".govuk-error-summary__list").text()).isEqualTo(TOO_MANY);
	}

	private static long hits(String bucket) {
		Long hits = jdbc().queryForObject("select count(*) from rate_limit_hit where bucket = ?", Long.class, bucket);
		return (hits != null) ? hits : 0;
	}

	private static JdbcTemplate jdbc() {
		return behindProxy.getBean(JdbcTemplate.class);
	}

	private static String unique() {
		return "client-" + UUID.randomUUID().toString().substring(0, 12);
	}

}
