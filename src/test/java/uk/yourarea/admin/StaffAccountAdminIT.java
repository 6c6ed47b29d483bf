package uk.yourarea.admin;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator manages staff accounts over real HTTP, as the demo administrator. */
@DemoSiteTest
class StaffAccountAdminIT {

	private static final String NEW = "/staff/admin/accounts/new";

	@Autowired
	private Environment environment;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private NeighbourhoodDirectory neighbourhoods;

	private StaffBrowser admin;

	@BeforeEach
	void signInAsTheAdministrator() {
		this.admin = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
	}

	@Test
	void listsTheStaffAccounts() {
		Document page = this.admin.page("/staff/admin/accounts");

		Pages.assertAccessibleStructure(page);
		assertThat(page.select("h1").text()).isEqualTo("Staff accounts");
		assertThat(page.select("#staff-accounts tbody tr").eachText()).anySatisfy((
				row) -> assertThat(row).contains("officer.wigston@example.org").contains("Officer").contains("Active"));
		assertThat(page.select("a[href=/staff/admin/accounts/new]").text()).isEqualTo("Add a staff account");
	}

	@Test
	void showsEveryProblemWithANewAccountAndKeepsWhatWasTyped() {
		HttpResponse<String> response = this.admin.submit(NEW, NEW, "name", "", "email", "not an email", "roles",
				"OFFICER", "temporaryPassword", "Police123");

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		Pages.assertAccessibleStructure(page);
		assertThat(page.title()).startsWith("Error: Add a staff account");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#name", "#email",
				"#neighbourhoodIds", "#temporaryPassword");
		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly("Enter their name",
				"Enter an email address in the correct format, like name@example.org",
				"Select the neighbourhoods this officer belongs to", "Choose a password that is harder to guess");
		for (String id : new String[] { "name", "email", "neighbourhoodIds", "temporaryPassword" }) {
			assertThat(page.getElementById(id)).as("#%s, the error summary's link target", id).isNotNull();
			assertThat(page.select("#" + id + "-error")).as("error message of %s", id).hasSize(1);
		}
		assertThat(page.select("input#email").val()).isEqualTo("not an email");
		assertThat(page.select("input[name=roles][value=OFFICER]").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=roles][value=ADMIN]").hasAttr("checked")).isFalse();
		assertThat(page.select("input#temporaryPassword").val()).as("passwords are never sent back").isEmpty();
		assertThat(response.body()).doesNotContain("Police123");
		assertThat(this.accounts.emailInUse("not an email", null)).isFalse();
	}

	@Test
	void asksForARoleAndAPassword() {
		Document page = StaffBrowser.parse(this.admin.submit(NEW, NEW, "name", "No Role", "email",
				unique() + "@example.org", "temporaryPassword", ""));

		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly("Select at least one role",
				"Enter a temporary password");
		assertThat(page.select("input#name").val()).isEqualTo("No Role");
	}

	@Test
	void refusesAnEmailAddressAnotherAccountHas() {
		Document page = StaffBrowser.parse(this.admin.submit(NEW, NEW, "name", "Copy Cat", "email",
				"Officer.Wigston@example.org", "roles", "WEB_EDITOR", "temporaryPassword", "a long enough password"));

		assertThat(page.select(".govuk-error-summary__list a").eachText())
			.containsExactly("An account with this email address already exists");
	}

	@Test
	void addsAnAccountWhoseOwnerMustChooseTheirOwnPasswordAtFirstSignIn() {
		String email = unique() + "@example.org";
		String wigston = String.valueOf(this.neighbourhoods.byCode("NA54").orElseThrow().id());

		HttpResponse<String> created = this.admin.submit(NEW, NEW, "name", "PC New Starter", "email",
				" " + email.toUpperCase() + " ", "roles", "OFFICER", "neighbourhoodIds", wigston, "collarNumber",
				" 2718 ", "temporaryPassword", "first day on the beat");

		assertThat(created.statusCode()).as("a redirect after the form").isIn(302, 303);
		String accountPage = StaffBrowser.redirectPath(created);
		assertThat(accountPage).matches("/staff/admin/accounts/\\d+");
		Document page = StaffBrowser.parse(this.admin.follow(created));
		assertThat(page.select(".govuk-notification-banner--success").text())
			.contains("PC New Starter's account has been added");
		assertThat(page.select("#account-details").text()).contains(email)
			.contains("Officer")
			.contains("Wigston")
			.contains("Temporary: they must change it when they next sign in")
			.contains("Collar number 2718");
		assertThat(this.admin.page(accountPage + "/edit").getElementById("collarNumber").val()).isEqualTo("2718");

		StaffBrowser starter = StaffBrowser.on(this.environment);
		HttpResponse<String> signedIn = starter.signIn(email, "first day on the beat");
		assertThat(StaffBrowser.redirectPath(signedIn)).isEqualTo("/staff");
		Pages.assertAccessibleStructure(this.admin.page(accountPage));
		for (String path : new String[] { "/staff", "/staff/inbox", "/staff/no-such-page" }) {
			HttpResponse<String> elsewhere = starter.get(path);
			assertThat(elsewhere.statusCode()).as(path).isEqualTo(302);
			assertThat(StaffBrowser.redirectPath(elsewhere)).as(path).isEqualTo("/staff/change-password");
		}
		Document changePage = starter.page("/staff/change-password");
		Pages.assertAccessibleStructure(changePage);
		assertThat(changePage.select("#must-change").text()).contains("Choose your own password");

		Document wrong = StaffBrowser.parse(starter.submit("/staff/change-password", "/staff/change-password",
				"currentPassword", "not it", "newPassword", "PC New Starter 1", "confirmPassword", "something else"));
		assertThat(wrong.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#currentPassword",
				"#newPassword");
		assertThat(wrong.select(".govuk-error-summary__list a").eachText())
			.containsExactly("Your current password is not correct", "Choose a password that is harder to guess");
		Pages.assertAccessibleStructure(wrong);

		HttpResponse<String> changed = starter.submit("/staff/change-password", "/staff/change-password",
				"currentPassword", "first day on the beat", "newPassword", "a password only I know", "confirmPassword",
				"a password only I know");
		assertThat(StaffBrowser.redirectPath(changed)).isEqualTo("/staff");
		Document home = StaffBrowser.parse(starter.follow(changed));
		assertThat(home.select(".govuk-notification-banner--success").text())
			.contains("Your password has been changed");
		assertThat(home.select("#visible-neighbourhoods li").eachText()).containsExactly("Wigston");
		assertThat(StaffBrowser.redirectPath(StaffBrowser.on(this.environment).signIn(email, "a password only I know")))
			.isEqualTo("/staff");
	}

	@Test
	void changesAnAccountAndSaysSoWhenSomeoneElseSavedItFirst() {
		String email = unique() + "@example.org";
		HttpResponse<String> created = this.admin.submit(NEW, NEW, "name", "Web Person", "email", email, "roles",
				"WEB_EDITOR", "temporaryPassword", "a long enough password");
		String accountPage = StaffBrowser.redirectPath(created);
		String edit = accountPage + "/edit";
		Document form = this.admin.page(edit);
		Pages.assertAccessibleStructure(form);
		String token = StaffBrowser.csrfToken(form, edit);
		String version = form.select("input[name=version]").val();
		assertThat(form.select("input#name").val()).isEqualTo("Web Person");

		HttpResponse<String> saved = this.admin.post(edit, token, "version", version, "name", "Web Person Renamed",
				"email", email, "roles", "WEB_EDITOR");
		assertThat(StaffBrowser.redirectPath(saved)).isEqualTo(accountPage);
		assertThat(StaffBrowser.parse(this.admin.follow(saved)).select("h1").text()).isEqualTo("Web Person Renamed");

		HttpResponse<String> stale = this.admin.post(edit, token, "version", version, "name", "Stale Name", "email",
				email, "roles", "WEB_EDITOR");
		assertThat(stale.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(stale);
		assertThat(page.select(".govuk-error-summary").text())
			.contains("Someone else changed this account while you were editing it");
		assertThat(page.select("input#name").val()).as("the saved details").isEqualTo("Web Person Renamed");
		assertThat(page.select("input[name=version]").val()).isNotEqualTo(version);
	}

	@Test
	void disablesAndEnablesAnAccount() {
		String email = unique() + "@example.org";
		String accountPage = StaffBrowser.redirectPath(this.admin.submit(NEW, NEW, "name", "Short Stay", "email", email,
				"roles", "WEB_EDITOR", "temporaryPassword", "a long enough password"));
		StaffBrowser owner = StaffBrowser.signedIn(this.environment, email, "a long enough password");

		HttpResponse<String> disabled = this.admin.submit(accountPage, accountPage + "/disable");

		Document page = StaffBrowser.parse(this.admin.follow(disabled));
		assertThat(page.select(".govuk-notification-banner--success").text()).contains("has been disabled");
		assertThat(page.select("#account-status").text()).isEqualTo("Disabled");
		assertThat(StaffBrowser.redirectPath(owner.get("/staff"))).isEqualTo("/staff/sign-in?ended");

		HttpResponse<String> enabled = this.admin.submit(accountPage, accountPage + "/enable");
		assertThat(StaffBrowser.parse(this.admin.follow(enabled)).select("#account-status").text()).isEqualTo("Active");
	}

	@Test
	void setsATemporaryPassword() {
		String email = unique() + "@example.org";
		String accountPage = StaffBrowser.redirectPath(this.admin.submit(NEW, NEW, "name", "Forgetful", "email", email,
				"roles", "WEB_EDITOR", "temporaryPassword", "a long enough password"));
		String form = accountPage + "/temporary-password";

		Document tooShort = StaffBrowser.parse(this.admin.submit(form, form, "temporaryPassword", "short"));
		assertThat(tooShort.select(".govuk-error-summary__list a").text())
			.isEqualTo("Password must be 8 characters or more");
		Pages.assertAccessibleStructure(tooShort);

		HttpResponse<String> set = this.admin.submit(form, form, "temporaryPassword", "another temporary one");
		assertThat(StaffBrowser.redirectPath(set)).isEqualTo(accountPage);
		StaffBrowser owner = StaffBrowser.on(this.environment);
		owner.signIn(email, "another temporary one");
		assertThat(StaffBrowser.redirectPath(owner.get("/staff"))).isEqualTo("/staff/change-password");
	}

	@Test
	void doesNotLetAnAdministratorLockThemselvesOut() {
		String self = "/staff/admin/accounts/" + this.admin.page("/staff/admin/accounts")
			.select("tr:has(td:containsOwn(admin@example.org)) a")
			.attr("href")
			.replaceAll(".*/", "");
		Document page = this.admin.page(self);
		assertThat(page.select("form[action=" + self + "/disable]")).isEmpty();

		String token = StaffBrowser.csrfToken(page, "/staff/sign-out");
		Document refused = StaffBrowser.parse(this.admin.post(self + "/disable", token));
		assertThat(refused.select(".govuk-error-summary").text()).contains("You cannot disable your own account");

		Document edit = this.admin.page(self + "/edit");
		Document withoutAdmin = StaffBrowser.parse(this.admin.post(self + "/edit",
				StaffBrowser.csrfToken(edit, self + "/edit"), "version", edit.select("input[name=version]").val(),
				"name", "Administrator (demo)", "email", "admin@example.org", "roles", "WEB_EDITOR"));
		assertThat(withoutAdmin.select(".govuk-error-summary__list a").text())
			.isEqualTo("You cannot remove the administrator role from your own account");
		assertThat(this.admin.get("/staff/admin/accounts").statusCode()).isEqualTo(200);
	}

	@Test
	void anAdministratorCannotGiveThemselvesTheDataProtectionRole() {
		String self = "/staff/admin/accounts/" + this.admin.page("/staff/admin/accounts")
			.select("tr:has(td:containsOwn(admin@example.org)) a")
			.attr("href")
			.replaceAll(".*/", "");
		Document edit = this.admin.page(self + "/edit");
		Document refused = StaffBrowser
			.parse(this.admin.post(self + "/edit", StaffBrowser.csrfToken(edit, self + "/edit"), "version",
					edit.select("input[name=version]").val(), "name", "Administrator (demo)", "email",
					"admin@example.org", "roles", "ADMIN", "roles", "DATA_PROTECTION"));
		assertThat(refused.select(".govuk-error-summary__list a").text())
			.isEqualTo("You cannot give your own account the data protection role. Ask another administrator");
		assertThat(this.admin.get("/staff/data-protection").statusCode()).as("still not the desk's").isEqualTo(403);
	}

	@Test
	void unknownAccountsAreNotFound() {
		assertThat(this.admin.get("/staff/admin/accounts/987654321").statusCode()).isEqualTo(404);
		assertThat(this.admin.get("/staff/admin/accounts/987654321/edit").statusCode()).isEqualTo(404);
	}

	private static String unique() {
		return "admin-it-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
