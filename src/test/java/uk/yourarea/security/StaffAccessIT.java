package uk.yourarea.security;

import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role × URL matrix over real HTTP, signed in as each demo account: every staff route
 * that exists, and a few that do not (under /staff, anything not allowed is denied).
 * "Allowed" means neither sent to sign in nor refused (403): what the page then answers
 * is its feature's business.
 */
@DemoSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAccessIT {

	enum Answer {

		/** 302 to the sign-in page. */
		SIGN_IN,
		/** 403. */
		DENIED,
		/** 404: another neighbourhood's, answered as if it did not exist. */
		NOT_FOUND,
		/** 200. */
		OK,
		/**
		 * Not sent to sign in, not 403 (200, a redirect within the feature, or 404 for
		 * one not built yet).
		 */
		ALLOWED

	}

	@Autowired
	private Environment environment;

	@Autowired
	private StaffAccounts accounts;

	private final Map<Who, StaffBrowser> browsers = new EnumMap<>(Who.class);

	private long adminId;

	private long wigstonId;

	private long oadbyId;

	@Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	@BeforeAll
	void signInAsEveryone() {
		for (Who who : Who.values()) {
			this.browsers.put(who, (who.email == null) ? StaffBrowser.on(this.environment)
					: StaffBrowser.signedIn(this.environment, who.email, StaffBrowser.DEMO_PASSWORD));
		}
		this.adminId = this.jdbc.queryForObject("select id from staff_account where email = 'admin@example.org'",
				Long.class);
		this.wigstonId = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		this.oadbyId = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA55'", Long.class);
	}

	static Stream<Arguments> matrix() {
		// path, anonymous, officer, supervisor, web editor, admin, data protection
		// officer
		return Stream.of(row("/staff", Answer.SIGN_IN, Answer.OK, Answer.OK, Answer.OK, Answer.OK, Answer.OK),
				row("/staff/change-password", Answer.SIGN_IN, Answer.OK, Answer.OK, Answer.OK, Answer.OK, Answer.OK),
				row("/staff/inbox", Answer.SIGN_IN, Answer.ALLOWED, Answer.ALLOWED, Answer.DENIED, Answer.ALLOWED,
						Answer.DENIED),
				row("/staff/inbox/1", Answer.SIGN_IN, Answer.ALLOWED, Answer.ALLOWED, Answer.DENIED, Answer.ALLOWED,
						Answer.DENIED),
				row("/staff/supervisor", Answer.SIGN_IN, Answer.DENIED, Answer.ALLOWED, Answer.DENIED, Answer.ALLOWED,
						Answer.DENIED),
				row("/staff/guarantee", Answer.SIGN_IN, Answer.DENIED, Answer.ALLOWED, Answer.ALLOWED, Answer.ALLOWED,
						Answer.DENIED),
				row("/staff/admin", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.DENIED, Answer.ALLOWED,
						Answer.DENIED),
				row("/staff/admin/accounts", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.DENIED, Answer.OK,
						Answer.DENIED),
				row("/staff/admin/accounts/new", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.DENIED, Answer.OK,
						Answer.DENIED),
				row("/staff/admin/accounts/{admin}", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.DENIED,
						Answer.OK, Answer.DENIED),
				row("/staff/admin/accounts/{admin}/edit", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.DENIED,
						Answer.OK, Answer.DENIED),
				row("/staff/admin/accounts/{admin}/temporary-password", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED,
						Answer.DENIED, Answer.OK, Answer.DENIED),
				row("/staff/neighbourhoods", Answer.SIGN_IN, Answer.ALLOWED, Answer.ALLOWED, Answer.ALLOWED,
						Answer.ALLOWED, Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}", Answer.SIGN_IN, Answer.ALLOWED, Answer.ALLOWED, Answer.ALLOWED,
						Answer.ALLOWED, Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/priorities/new", Answer.SIGN_IN, Answer.ALLOWED, Answer.ALLOWED,
						Answer.ALLOWED, Answer.ALLOWED, Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/events/new", Answer.SIGN_IN, Answer.ALLOWED, Answer.ALLOWED,
						Answer.ALLOWED, Answer.ALLOWED, Answer.DENIED),
				// Officers edit their own neighbourhood's priorities and events only:
				// another's
				// answers 404.
				row("/staff/neighbourhoods/{wigston}/priorities", Answer.SIGN_IN, Answer.OK, Answer.OK, Answer.OK,
						Answer.OK, Answer.DENIED),
				row("/staff/neighbourhoods/{oadby}/priorities", Answer.SIGN_IN, Answer.NOT_FOUND, Answer.OK, Answer.OK,
						Answer.OK, Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/events", Answer.SIGN_IN, Answer.OK, Answer.OK, Answer.OK,
						Answer.OK, Answer.DENIED),
				row("/staff/neighbourhoods/{oadby}/events/new", Answer.SIGN_IN, Answer.NOT_FOUND, Answer.OK, Answer.OK,
						Answer.OK, Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/consultations", Answer.SIGN_IN, Answer.OK, Answer.OK, Answer.OK,
						Answer.OK, Answer.DENIED),
				row("/staff/neighbourhoods/{oadby}/consultations/new", Answer.SIGN_IN, Answer.NOT_FOUND, Answer.OK,
						Answer.OK, Answer.OK, Answer.DENIED),
				row("/staff/neighbourhoods/new", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.ALLOWED,
						Answer.ALLOWED, Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/edit", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED,
						Answer.ALLOWED, Answer.ALLOWED, Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/team", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED,
						Answer.ALLOWED, Answer.ALLOWED, Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/team/new", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.OK,
						Answer.OK, Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/team/named-officer", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED,
						Answer.OK, Answer.OK, Answer.DENIED),
				row("/staff/local-policing-areas", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.ALLOWED,
						Answer.ALLOWED, Answer.DENIED),
				// Neighbourhoods and local policing areas: officers reach only their own
				// neighbourhoods' hubs.
				row("/staff/neighbourhoods/{oadby}", Answer.SIGN_IN, Answer.NOT_FOUND, Answer.OK, Answer.OK, Answer.OK,
						Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/retire", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.OK,
						Answer.OK, Answer.DENIED),
				row("/staff/local-policing-areas/new", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.OK,
						Answer.OK, Answer.DENIED),
				row("/staff/stations", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.ALLOWED, Answer.ALLOWED,
						Answer.DENIED),
				row("/staff/stations/new", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.OK, Answer.OK,
						Answer.DENIED),
				row("/staff/coverage", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.ALLOWED, Answer.ALLOWED,
						Answer.DENIED),
				row("/staff/coverage/postcodes", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.OK, Answer.OK,
						Answer.DENIED),
				row("/staff/coverage/boundaries", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.OK, Answer.OK,
						Answer.DENIED),
				row("/staff/coverage/overrides", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.OK, Answer.OK,
						Answer.DENIED),
				row("/staff/coverage/wards", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.OK, Answer.OK,
						Answer.DENIED),
				row("/staff/neighbourhoods/{wigston}/coverage", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.OK,
						Answer.OK, Answer.DENIED),
				// Officers see the history of their own neighbourhoods' pages only.
				row("/staff/changes/neighbourhood-page/{wigston}", Answer.SIGN_IN, Answer.OK, Answer.OK, Answer.OK,
						Answer.OK, Answer.DENIED),
				row("/staff/changes/neighbourhood-page/{oadby}", Answer.SIGN_IN, Answer.NOT_FOUND, Answer.OK, Answer.OK,
						Answer.OK, Answer.DENIED),
				// The data protection desk: that role alone, administrators included out.
				row("/staff/data-protection", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.DENIED,
						Answer.DENIED, Answer.OK),
				row("/staff/no-such-page", Answer.SIGN_IN, Answer.DENIED, Answer.DENIED, Answer.DENIED, Answer.ALLOWED,
						Answer.DENIED));
	}

	private static Arguments row(String path, Answer anonymous, Answer officer, Answer supervisor, Answer webEditor,
			Answer admin, Answer dataProtection) {
		return Arguments.of(path, List.of(anonymous, officer, supervisor, webEditor, admin, dataProtection));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void answersEachRoleAsTheMatrixSays(String path, List<Answer> answers) {
		String url = path.replace("{admin}", Long.toString(this.adminId))
			.replace("{wigston}", Long.toString(this.wigstonId))
			.replace("{oadby}", Long.toString(this.oadbyId));
		for (Who who : Who.values()) {
			HttpResponse<String> response = this.browsers.get(who).get(url);
			Answer expected = answers.get(who.ordinal());
			String as = who + " GET " + url;
			switch (expected) {
				case SIGN_IN -> {
					assertThat(response.statusCode()).as(as).isEqualTo(302);
					assertThat(StaffBrowser.redirectPath(response)).as(as).isEqualTo("/staff/sign-in");
				}
				case DENIED -> assertThat(response.statusCode()).as(as).isEqualTo(403);
				case NOT_FOUND -> assertThat(response.statusCode()).as(as).isEqualTo(404);
				case OK -> assertThat(response.statusCode()).as(as).isEqualTo(200);
				case ALLOWED -> {
					assertThat(response.statusCode()).as(as).isNotEqualTo(403).isLessThan(500);
					assertThat(StaffBrowser.redirectPath(response)).as(as).doesNotStartWith("/staff/sign-in");
				}
			}
			assertThat(response.headers().firstValue("Cache-Control")).as("Cache-Control of " + as)
				.hasValue("no-store");
		}
	}

	@Test
	void onlyAdministratorsCanChangeAccounts() {
		for (Who who : List.of(Who.OFFICER, Who.SUPERVISOR, Who.WEB_EDITOR, Who.DATA_PROTECTION)) {
			StaffBrowser browser = this.browsers.get(who);
			String token = StaffBrowser.csrfToken(browser.page("/staff"), "/staff/sign-out");
			assertThat(browser
				.post("/staff/admin/accounts/new", token, "name", "Sneaky", "email", "sneaky@example.org", "roles",
						"ADMIN", "temporaryPassword", "a long enough password")
				.statusCode()).as(who + " adding an account").isEqualTo(403);
			assertThat(browser.post("/staff/admin/accounts/" + this.adminId + "/disable", token).statusCode())
				.as(who + " disabling an account")
				.isEqualTo(403);
		}
		assertThat(this.accounts.emailInUse("sneaky@example.org", null)).isFalse();
	}

	@Test
	void refusesAFormSentWithoutTheCsrfToken() {
		HttpResponse<String> response = this.browsers.get(Who.ADMIN)
			.post("/staff/admin/accounts/new", null, "name", "No Token", "email", "no-token@example.org", "roles",
					"WEB_EDITOR", "temporaryPassword", "a long enough password");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.accounts.emailInUse("no-token@example.org", null)).isFalse();
	}

}
