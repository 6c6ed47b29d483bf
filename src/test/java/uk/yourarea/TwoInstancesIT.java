package uk.yourarea;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the site on one database, as a force runs them behind a load balancer:
 * each is a whole application with its own web server, caches, scheduler, email relay and
 * {@code LISTEN} connection, and they share nothing but PostgreSQL. Whatever a person
 * does on one, the other knows.
 */
class TwoInstancesIT {

	private static GreenMail mail;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	/**
	 * A database of the two instances' own: the other integration tests' sites, still
	 * open in the test JVM's context cache, share the run's database, and their email
	 * relays would take some of these instances' emails and send them to mail servers of
	 * their own.
	 */
	private static String database;

	@BeforeAll
	static void startTwoInstances() throws SQLException {
		database = "yourarea_two_instances_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		onTheRunsDatabase("create database " + database);
		mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		mail.start();
		first = instance();
		second = instance();
	}

	@AfterAll
	static void stopThem() throws SQLException {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
		mail.stop();
		onTheRunsDatabase("drop database if exists " + database + " with (force)");
	}

	private static void onTheRunsDatabase(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

	private static String ownDatabaseUrl() {
		String runs = System.getProperty("spring.datasource.url");
		String withoutParameters = runs.split("\\?")[0];
		String parameters = runs.substring(withoutParameters.length());
		return withoutParameters.substring(0, withoutParameters.lastIndexOf('/') + 1) + database + parameters;
	}

	private static ConfigurableApplicationContext instance() {
		// As command-line arguments, so that they win over application.yml.
		return new SpringApplicationBuilder(YourAreaApplication.class).profiles("demo")
			.run("--spring.datasource.url=" + ownDatabaseUrl(), "--server.port=0", "--management.server.port=0",
					"--yourarea.mail.relay-interval=200ms", "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + mail.getSmtp().getPort(), "--yourarea.contact.messages-per-address=1000",
					"--yourarea.contact.minimum-fill-time=0s", "--logging.level.root=WARN");
	}

	@Test
	void aStaffSessionStartedOnOneInstanceWorksOnTheOtherAndEndsOnBoth() {
		StaffBrowser onFirst = StaffBrowser.signedIn(first.getEnvironment(), "officer.oadby@example.org",
				StaffBrowser.DEMO_PASSWORD);
		StaffBrowser onSecond = onFirst.at(second.getEnvironment());

		assertThat(onSecond.get("/staff/inbox").statusCode()).isEqualTo(200);
		assertThat(onSecond.page("/staff").text()).contains("Signed in as PC Sam Oadby");

		String token = onSecond.page("/staff").select("form[action=\"/staff/sign-out\"] input[name=_csrf]").val();
		assertThat(onSecond.post("/staff/sign-out", token).statusCode()).isEqualTo(302);
		HttpResponse<String> afterwards = onFirst.get("/staff/inbox");
		assertThat(afterwards.statusCode()).isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(afterwards)).startsWith("/staff/sign-in");
	}

	@Test
	void anEditOnOneInstanceShowsOnTheOthersPageWithinTwoSeconds() throws InterruptedException {
		Visitor resident = new Visitor(base(second.getEnvironment()));
		assertThat(resident.get("/area/wigston").statusCode()).as("now in the second's page cache").isEqualTo(200);
		long wigston = jdbc().queryForObject("select id from neighbourhood where slug = 'wigston'", Long.class);
		StaffBrowser officer = StaffBrowser.signedIn(first.getEnvironment(), "officer.wigston@example.org",
				StaffBrowser.DEMO_PASSWORD);
		String issue = "Bikes ridden on the footpath " + UUID.randomUUID().toString().substring(0, 8);
		LocalDate raised = LocalDate.now().minusDays(3);
		String form = "/staff/neighbourhoods/" + wigston + "/priorities/new";

		HttpResponse<String> added = officer.submit(form, form, "issue", issue, "action",
				"We are patrolling the precinct on Saturdays.", "raisedOnDay", String.valueOf(raised.getDayOfMonth()),
				"raisedOnMonth", String.valueOf(raised.getMonthValue()), "raisedOnYear",
				String.valueOf(raised.getYear()), "origin", "MESSAGES", "originDetail", "");
		assertThat(added.statusCode()).isEqualTo(303);

		long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		boolean shown = false;
		while (!shown && System.nanoTime() < until) {
			shown = resident.get("/area/wigston").body().contains(issue);
			if (!shown) {
				Thread.sleep(50);
			}
		}
		assertThat(shown).as("the new priority on the other instance's page within 2 s").isTrue();
	}

	@Test
	void failedSignInsCountOnBothInstances() {
		String email = "nobody-" + UUID.randomUUID() + "@example.org";
		for (int attempt = 0; attempt < 10; attempt++) {
			Environment instance = (attempt % 2 == 0) ? first.getEnvironment() : second.getEnvironment();
			StaffBrowser browser = StaffBrowser.on(instance);
			Document page = StaffBrowser.parse(browser.signIn(email, "wrong password " + attempt));
			assertThat(page.text()).as("attempt %d", attempt + 1).doesNotContain("Too many attempts");
		}

		StaffBrowser browser = StaffBrowser.on(first.getEnvironment());
		Document eleventh = StaffBrowser.parse(browser.signIn(email, "another wrong password"));
		assertThat(eleventh.text()).contains("Too many attempts");
	}

	@Test
	void twoRelaysSendEachEmailOnce() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> residents = java.util.stream.IntStream.range(0, 20)
			.mapToObj((n) -> "resident-" + run + "-" + n + "@example.org")
			.toList();
		for (int n = 0; n < residents.size(); n++) {
			Environment instance = (n % 2 == 0) ? first.getEnvironment() : second.getEnvironment();
			Visitor resident = new Visitor(base(instance));
			Document form = resident.page("/area/oadby/contact");
			Map<String, String> fields = new HashMap<>();
			fields.put("name", "Resident " + n);
			fields.put("email", residents.get(n));
			fields.put("preferredContact", "EMAIL");
			fields.put("senderType", "RESIDENT");
			fields.put("topic", "OTHER");
			fields.put("message", "Message " + n + " of run " + run);
			assertThat(resident.submit(form, "form[method=post]", fields).statusCode()).as("message %d", n)
				.isEqualTo(303);
		}

		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (received(residents).size() < residents.size() && System.nanoTime() < until) {
			Thread.sleep(100);
		}
		Thread.sleep(1500);
		Map<String, Long> acknowledgements = received(residents);
		assertThat(acknowledgements).as("one acknowledgement per resident").hasSize(residents.size());
		assertThat(acknowledgements.values()).as("none sent twice").allMatch((count) -> count == 1);
	}

	private static Map<String, Long> received(List<String> residents) {
		return Arrays.stream(mail.getReceivedMessages())
			.map(TwoInstancesIT::recipient)
			.filter(residents::contains)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base(Environment instance) {
		return "http://localhost:" + instance.getRequiredProperty("local.server.port");
	}

	private static JdbcTemplate jdbc() {
		return first.getBean(JdbcTemplate.class);
	}

}
