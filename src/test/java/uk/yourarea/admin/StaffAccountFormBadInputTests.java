package uk.yourarea.admin;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What an administrator sees when a staff account form is wrong: the form again (200),
 * with what they typed but never the password, the errors in the order of the fields, and
 * no account made or changed. Who may reach the pages is StaffAccountAdminIT's and the
 * route inventory's to check.
 */
@WebMvcTest(controllers = StaffAccountAdminController.class)
@ContextConfiguration(classes = StaffAccountFormBadInputTests.Slice.class)
class StaffAccountFormBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, StaffAccountAdminController.class, StaffAccountChecks.class })
	static class Slice {

	}

	static final StaffUser ADMIN = new StaffUser(1, "Admin", "admin@example.org", Set.of(StaffRole.ADMIN), Set.of(),
			Set.of());

	static final StaffAccounts.Account OFFICER = new StaffAccounts.Account(5, "PC Ellis", "ellis@example.org",
			Set.of(StaffRole.OFFICER), Set.of(30L), Set.of(), true, false, PageSlice.NOW, 3);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StaffAccounts accounts;

	@MockitoBean
	Assignments assignments;

	@BeforeEach
	void oneAreaWithTwoNeighbourhoods() {
		given(this.assignments.all()).willReturn(List.of(new Assignments.Area(10, "Oadby and Wigston",
				List.of(new Assignments.Choice(30, "Wigston"), new Assignments.Choice(31, "Oadby")))));
		given(this.accounts.passwordProblem(anyString(), anyString(), anyString())).willReturn(Optional.empty());
		given(this.accounts.find(5)).willReturn(Optional.of(OFFICER));
	}

	@Test
	void aBlankFormComesBackWithEveryErrorInTheOrderOfTheFields() throws Exception {
		Document page = page(post("/staff/admin/accounts/new").param("name", " ").param("email", ""));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter their name", "Enter their email address",
				"Select at least one role", "Enter a temporary password");
		then(this.accounts).should(never()).create(any(), anyString(), any());
	}

	@Test
	void whatWasTypedComesBackButNeverThePassword() throws Exception {
		Document page = page(post("/staff/admin/accounts/new").param("name", "Sam Officer")
			.param("email", "not an address")
			.param("roles", "OFFICER")
			.param("neighbourhoodIds", "31")
			.param("temporaryPassword", "correct horse battery staple"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Enter an email address in the correct format, like name@example.org");
		assertThat(page.getElementById("name").val()).isEqualTo("Sam Officer");
		assertThat(page.getElementById("email").val()).isEqualTo("not an address");
		assertThat(page.select("input[name=roles][value=OFFICER]").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=neighbourhoodIds][value=31]").hasAttr("checked")).isTrue();
		assertThat(page.html()).doesNotContain("correct horse battery staple");
	}

	@Test
	void aCollarNumberOfOtherThanLettersAndDigitsIsRefusedAndKept() throws Exception {
		Document page = page(newOfficer().param("neighbourhoodIds", "30").param("collarNumber", "PC 19-13"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Collar number must be up to 10 letters and numbers, like 1913");
		assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#collarNumber");
		assertThat(page.getElementById("collarNumber").val()).isEqualTo("PC 19-13");
		then(this.accounts).should(never()).create(any(), anyString(), any());
	}

	@Test
	void anOfficerNeedsANeighbourhoodFromTheList() throws Exception {
		assertThat(PageSlice.errorSummary(page(newOfficer().param("neighbourhoodIds", "99"))))
			.containsExactly("Select neighbourhoods from the list");
		assertThat(PageSlice.errorSummary(page(newOfficer())))
			.containsExactly("Select the neighbourhoods this officer belongs to");
		then(this.accounts).should(never()).create(any(), anyString(), any());
	}

	@Test
	void anEmailAddressAlreadyInUseIsRefused() throws Exception {
		given(this.accounts.emailInUse("taken@example.org", null)).willReturn(true);

		Document page = page(
				newOfficer("taken@example.org", "a long and unusual phrase").param("neighbourhoodIds", "30"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("An account with this email address already exists");
	}

	@Test
	void aPasswordThePolicyRefusesIsExplained() throws Exception {
		given(this.accounts.passwordProblem("password1", "Sam Officer", "sam@example.org"))
			.willReturn(Optional.of("Choose a password that is harder to guess"));

		Document page = page(newOfficer("sam@example.org", "password1").param("neighbourhoodIds", "30"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Choose a password that is harder to guess");
	}

	@Test
	void anAdministratorCannotTakeTheirOwnRoleAway() throws Exception {
		StaffAccounts.Account self = new StaffAccounts.Account(1, "Admin", "admin@example.org", Set.of(StaffRole.ADMIN),
				Set.of(), Set.of(), true, false, PageSlice.NOW, 8);
		given(this.accounts.find(1)).willReturn(Optional.of(self));

		Document page = page(post("/staff/admin/accounts/1/edit").param("name", "Admin")
			.param("email", "admin@example.org")
			.param("roles", "WEB_EDITOR")
			.param("version", "8"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("You cannot remove the administrator role from your own account");
		then(this.accounts).should(never()).update(anyLong(), anyLong(), any(), any());
	}

	@Test
	void aBlankTemporaryPasswordIsRefused() throws Exception {
		Document page = page(post("/staff/admin/accounts/5/temporary-password").param("temporaryPassword", ""));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter a temporary password");
		then(this.accounts).should(never()).setTemporaryPassword(anyLong(), anyString(), any());
	}

	private static MockHttpServletRequestBuilder newOfficer() {
		return newOfficer("sam@example.org", "a long and unusual phrase");
	}

	private static MockHttpServletRequestBuilder newOfficer(String email, String temporaryPassword) {
		return post("/staff/admin/accounts/new").param("name", "Sam Officer")
			.param("email", email)
			.param("roles", "OFFICER")
			.param("temporaryPassword", temporaryPassword);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(signedIn()).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Pages.parse(result.getResponse().getContentAsString());
	}

	private static RequestPostProcessor signedIn() {
		return PageSlice.signedIn(ADMIN, "ROLE_ADMIN");
	}

}
