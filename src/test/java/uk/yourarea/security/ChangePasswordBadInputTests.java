package uk.yourarea.security;

import java.time.Duration;
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

import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a member of staff sees when their new password is refused: the form again, with
 * the errors in the order of the fields, none of the passwords typed shown back, and the
 * password unchanged. Counting wrong passwords as failed sign-ins is SignInIT's to check.
 */
@WebMvcTest(controllers = ChangePasswordController.class)
@ContextConfiguration(classes = ChangePasswordBadInputTests.Slice.class)
class ChangePasswordBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, ChangePasswordController.class })
	static class Slice {

	}

	static final StaffUser EDITOR = new StaffUser(4, "Robin Editor", "robin@example.org", Set.of(StaffRole.WEB_EDITOR),
			Set.of(), Set.of());

	static final String CURRENT = "old and familiar words";

	static final String NEW = "a long and unusual phrase";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StaffAccounts accounts;

	@MockitoBean
	SecurityEvents events;

	@MockitoBean
	SignInThrottle throttle;

	@BeforeEach
	void theCurrentPasswordIsRightAndTheNewOneIsAccepted() {
		given(this.accounts.checkCurrentPassword(eq(EDITOR), anyString(), anyString()))
			.willReturn(StaffAccounts.CurrentPassword.WRONG);
		given(this.accounts.checkCurrentPassword(eq(EDITOR), eq(CURRENT), anyString()))
			.willReturn(StaffAccounts.CurrentPassword.RIGHT);
		given(this.accounts.passwordProblem(anyString(), anyString(), anyString())).willReturn(Optional.empty());
		given(this.throttle.window()).willReturn(Duration.ofMinutes(5));
	}

	@Test
	void aBlankFormAsksForEachPasswordInTheOrderOfTheFields() throws Exception {
		Document page = page(change("", "", ""), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter your current password", "Enter a new password",
				"Confirm your new password");
		then(this.accounts).should(never()).checkCurrentPassword(any(), anyString(), anyString());
		nothingChanged();
	}

	@Test
	void aWrongCurrentPasswordIsRefusedAndRecorded() throws Exception {
		Document page = page(change("a guess", NEW, NEW), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Your current password is not correct");
		then(this.events).should().currentPasswordWrong(eq(EDITOR), anyString());
		assertThat(page.html()).doesNotContain("a guess").doesNotContain(NEW);
		nothingChanged();
	}

	@Test
	void aWrongCurrentPasswordAndDifferentNewOnesAreBothExplainedInOrder() throws Exception {
		Document page = page(change("a guess", NEW, NEW + "!"), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Your current password is not correct",
				"Enter the same password in both boxes");
		nothingChanged();
	}

	@Test
	void theSamePasswordAgainIsRefused() throws Exception {
		Document page = page(change(CURRENT, CURRENT, CURRENT), 200);

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Your new password must be different from your current password");
		assertThat(page.html()).doesNotContain(CURRENT);
		nothingChanged();
	}

	@Test
	void aPasswordThePolicyRefusesIsExplainedBeforeTheConfirmation() throws Exception {
		given(this.accounts.passwordProblem("password1", "Robin Editor", "robin@example.org"))
			.willReturn(Optional.of("Choose a password that is harder to guess"));

		Document page = page(change(CURRENT, "password1", "something else"), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Choose a password that is harder to guess");
		assertThat(page.html()).doesNotContain("password1");
		nothingChanged();
	}

	@Test
	void newPasswordsThatDifferAreRefused() throws Exception {
		Document page = page(change(CURRENT, NEW, NEW.toUpperCase()), 200);

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter the same password in both boxes");
		nothingChanged();
	}

	@Test
	void tooManyWrongPasswordsAnswer429AndCheckNothingElse() throws Exception {
		given(this.accounts.checkCurrentPassword(eq(EDITOR), anyString(), anyString()))
			.willReturn(StaffAccounts.CurrentPassword.TOO_MANY);

		MvcResult result = this.mvc.perform(change(CURRENT, NEW, NEW).with(signedIn()).with(csrf())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(429);
		assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("300");
		assertThat(PageSlice.errorSummary(Pages.parse(result.getResponse().getContentAsString())))
			.containsExactly("Too many wrong passwords. Wait 5 minutes and try again.");
		then(this.events).should().currentPasswordRefused(eq(EDITOR), anyString());
		then(this.accounts).should(never()).passwordProblem(anyString(), anyString(), anyString());
		nothingChanged();
	}

	@Test
	void noTurnToHashAnswers503() throws Exception {
		willThrow(new PasswordHashingBusyException()).given(this.accounts)
			.checkCurrentPassword(eq(EDITOR), anyString(), anyString());

		MvcResult result = this.mvc.perform(change(CURRENT, NEW, NEW).with(signedIn()).with(csrf())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(503);
		assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank();
		assertThat(PageSlice.errorSummary(Pages.parse(result.getResponse().getContentAsString())))
			.containsExactly("The service is busy. Wait a moment and send the form again.");
		nothingChanged();
	}

	@Test
	void withoutAFormTokenNothingIsChanged() throws Exception {
		MvcResult result = this.mvc.perform(change(CURRENT, NEW, NEW).with(signedIn())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		nothingChanged();
	}

	private void nothingChanged() {
		then(this.accounts).should(never()).changeOwnPassword(anyLong(), anyString());
		then(this.events).should(never()).passwordChanged(any(), anyString());
	}

	private static MockHttpServletRequestBuilder change(String current, String newPassword, String confirm) {
		return post("/staff/change-password").param("currentPassword", current)
			.param("newPassword", newPassword)
			.param("confirmPassword", confirm);
	}

	private Document page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request.with(signedIn()).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(status);
		return Pages.parse(result.getResponse().getContentAsString());
	}

	private static RequestPostProcessor signedIn() {
		return PageSlice.signedIn(EDITOR, "ROLE_WEB_EDITOR");
	}

}
