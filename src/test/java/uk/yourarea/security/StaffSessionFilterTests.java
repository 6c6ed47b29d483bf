package uk.yourarea.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** What happens to a signed-in session on each staff request, with a fixed clock. */
class StaffSessionFilterTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	private final StaffAccountRepository accounts = mock(StaffAccountRepository.class);

	private final StaffSessionFilter filter = new StaffSessionFilter(this.accounts, mock(SecondFactors.class),
			mock(SecurityEvents.class), Duration.ofHours(12), Clock.fixed(NOW, ZoneOffset.UTC));

	private final StaffAccount account = new StaffAccount("sam@example.org", "Sam Example", "{argon2}hash", false,
			NOW.minus(Duration.ofDays(30)));

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void reloadsRolesAndAssignmentsOnEveryRequest() throws Exception {
		this.account.describe("sam@example.org", "Sam Example", Set.of(StaffRole.SUPERVISOR), Set.of(), Set.of(3L),
				null);
		MockHttpServletRequest request = signedIn("/staff", NOW.minus(Duration.ofHours(1)));
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).as("the request went on").isNotNull();
		Authentication now = SecurityContextHolder.getContext().getAuthentication();
		assertThat(now.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_SUPERVISOR");
		assertThat(((StaffUser) now.getPrincipal()).localPolicingAreaIds()).containsExactly(3L);
	}

	@Test
	void endsASessionOlderThanItsLifetime() throws Exception {
		MockHttpServletRequest request = signedIn("/staff", NOW.minus(Duration.ofHours(12)).minusSeconds(1));
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(response.getRedirectedUrl()).isEqualTo("/staff/sign-in?ended");
		assertThat(chain.getRequest()).isNull();
		assertThat(((MockHttpSession) request.getSession(false))).isNull();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void endsTheSessionWhenThePasswordChangedSinceSignIn() throws Exception {
		MockHttpServletRequest request = signedIn("/staff", NOW.minus(Duration.ofMinutes(5)));
		this.account.setTemporaryPassword("{argon2}another");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, new MockFilterChain());

		assertThat(response.getRedirectedUrl()).isEqualTo("/staff/sign-in?ended");
	}

	@Test
	void sendsSomeoneWhoMustChangeTheirPasswordToDoSoFirst() throws Exception {
		this.account.setTemporaryPassword("{argon2}hash");
		for (String path : new String[] { "/staff", "/staff/inbox/3", "/staff/admin/accounts" }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.filter.doFilter(signedIn(path, NOW), response, new MockFilterChain());
			assertThat(response.getRedirectedUrl()).as(path).isEqualTo("/staff/change-password");
		}
		for (String path : new String[] { "/staff/change-password", "/staff/sign-out" }) {
			MockFilterChain chain = new MockFilterChain();
			this.filter.doFilter(signedIn(path, NOW), new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).as(path).isNotNull();
		}
	}

	@Test
	void leavesRequestsWithoutAStaffMemberAlone() throws Exception {
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(new MockHttpServletRequest("GET", "/staff/sign-in"), new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isNotNull();
	}

	private MockHttpServletRequest signedIn(String path, Instant signedInAt) {
		ReflectionTestUtils.setField(this.account, "id", 5L);
		given(this.accounts.findWithAssignmentsById(5L)).willReturn(Optional.of(this.account));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpSession session = new MockHttpSession();
		StaffSessions.started(session, signedInAt, "{argon2}hash");
		request.setSession(session);
		StaffUser user = new StaffUser(5, "Sam Example", "sam@example.org", Set.of(StaffRole.OFFICER), Set.of(1L),
				Set.of());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		return request;
	}

}
