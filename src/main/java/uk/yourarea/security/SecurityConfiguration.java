package uk.yourarea.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.FormTokens;
import uk.yourarea.web.SiteProperties;

/**
 * Two filter chains.
 * <p>
 * <b>Staff</b> ({@code /staff/**}): sign-in with email address and password (Argon2id,
 * throttled), a session kept in PostgreSQL by Spring Session (so every instance of the
 * site knows it) with a new id at sign-in, CSRF tokens on every form,
 * {@code Cache-Control: no-store} on every answer, and access denied unless a rule below
 * allows it. The account is reloaded on every request ({@link StaffSessionFilter}), so
 * disabling it or changing its password ends its sessions.
 * <p>
 * <b>Public</b> (everything else): open to everyone and never starts a session or sets a
 * cookie by itself. Response headers (CSP and the rest) come from the site's own
 * {@code uk.yourarea.web.SecurityHeadersFilter}, and public pages set their own caching,
 * so Spring Security's header writing is switched off there. CSRF protection stays on for
 * public forms, with tokens that need no session ({@link #csrfTokens}).
 * <p>
 * To give a new staff page to a role, add a line to {@link #staff}; anything under
 * {@code /staff} not listed there is for administrators only.
 * <p>
 * Without a web server (a batch job, or a test with
 * {@code spring.main.web-application-type=none}) there are no filter chains; the password
 * encoder and the staff accounts are still there.
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
@EnableMethodSecurity
class SecurityConfiguration {

	static final String SIGN_IN = "/staff/sign-in";

	static final String SIGN_OUT = "/staff/sign-out";

	/** The one-click unsubscribe address of the alert emails (uk.yourarea.alert). */
	static final String ONE_CLICK_UNSUBSCRIBE = "/alerts/unsubscribe/{token}";

	/** Spring Security's own WebAuthn endpoints, which belong to the staff pages too. */
	static final String[] PASSKEY_ENDPOINTS = { "/webauthn/register/options", "/webauthn/register",
			"/webauthn/register/**", "/webauthn/authenticate/options", "/login/webauthn" };

	@Bean
	@Order(1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain staff(HttpSecurity http, AuthenticationManager staffAuthentication,
			StaffAccountRepository accounts, SecurityEvents events, StaffSecurityProperties properties,
			SecondFactors secondFactors, PasskeyOrigins origins, SiteProperties site, ForceProperties force,
			Clock clock) throws Exception {
		SecondFactorRules rules = new SecondFactorRules(properties.secondFactor());
		CookieCsrfTokenRepository tokens = csrfTokens(properties);
		RequestCache pagesAskedFor = pagesAskedFor(properties);
		SignInHandlers.Denied denied = new SignInHandlers.Denied(events, properties.secondFactor(), pagesAskedFor);
		SignInHandlers.Success success = new SignInHandlers.Success(accounts, events, clock);
		success.setRequestCache(pagesAskedFor);
		http.setSharedObject(UserDetailsService.class, new PasskeyUsers(accounts));
		http.securityMatcher(staffPaths())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(SIGN_IN)
				.permitAll()
				.requestMatchers("/webauthn/authenticate/options", "/login/webauthn")
				.permitAll()
				// The second step, and the first set-up of a second factor, need only the
				// password; changing a second factor already set up needs both.
				.requestMatchers(SecondFactorController.SECOND_STEP, SecondFactorController.SECOND_STEP + "/**",
						SIGN_OUT)
				.access(AuthenticatedAuthorizationManager.authenticated())
				.requestMatchers(SecondFactorSetUpController.SET_UP, SecondFactorSetUpController.SET_UP + "/**",
						"/webauthn/register/**", "/webauthn/register")
				.access(rules.setUp())
				.requestMatchers("/staff", "/staff/change-password")
				.authenticated()
				.requestMatchers("/staff/inbox", "/staff/inbox/**")
				.hasAnyRole(role(StaffRole.OFFICER), role(StaffRole.SUPERVISOR), role(StaffRole.ADMIN))
				.requestMatchers("/staff/supervisor", "/staff/supervisor/**")
				.hasAnyRole(role(StaffRole.SUPERVISOR), role(StaffRole.ADMIN))
				// Officers and supervisors edit the priorities and events of their own
				// neighbourhoods (the
				// controllers check which, with StaffScope); the history of a page is for
				// whoever may edit it.
				.requestMatchers("/staff/neighbourhoods", "/staff/neighbourhoods/{id:[0-9]+}",
						"/staff/neighbourhoods/{id:[0-9]+}/priorities/**",
						"/staff/neighbourhoods/{id:[0-9]+}/events/**",
						"/staff/neighbourhoods/{id:[0-9]+}/consultations/**", "/staff/changes/**")
				.hasAnyRole(role(StaffRole.OFFICER), role(StaffRole.SUPERVISOR), role(StaffRole.WEB_EDITOR),
						role(StaffRole.ADMIN))
				.requestMatchers("/staff/neighbourhoods/**", "/staff/local-policing-areas/**", "/staff/stations/**",
						"/staff/coverage/**", "/staff/photos/**")
				.hasAnyRole(role(StaffRole.WEB_EDITOR), role(StaffRole.ADMIN))
				// Alerts to residents: officers and supervisors to their own
				// neighbourhoods, web editors and administrators anywhere (AlertAccess
				// checks which). Subscribers' addresses: web editors and administrators.
				.requestMatchers("/staff/alerts/subscribers/*")
				.hasAnyRole(role(StaffRole.WEB_EDITOR), role(StaffRole.ADMIN))
				.requestMatchers("/staff/alerts", "/staff/alerts/**")
				.hasAnyRole(role(StaffRole.OFFICER), role(StaffRole.SUPERVISOR), role(StaffRole.WEB_EDITOR),
						role(StaffRole.ADMIN))
				.requestMatchers("/staff/guarantee", "/staff/guarantee/**")
				.hasAnyRole(role(StaffRole.WEB_EDITOR), role(StaffRole.SUPERVISOR), role(StaffRole.ADMIN))
				.requestMatchers("/staff/admin", "/staff/admin/**")
				.hasRole(role(StaffRole.ADMIN))
				.requestMatchers("/staff/data-protection", "/staff/data-protection/**")
				.hasRole(role(StaffRole.DATA_PROTECTION))
				.anyRequest()
				.hasRole(role(StaffRole.ADMIN)))
			.authenticationManager(staffAuthentication)
			.formLogin((form) -> form.loginPage(SIGN_IN)
				.loginProcessingUrl(SIGN_IN)
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(success)
				.failureHandler(new SignInHandlers.Failure()))
			.logout((logout) -> logout.logoutUrl(SIGN_OUT)
				.addLogoutHandler(new SignInHandlers.SignOutLog(events))
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies(properties.sessionCookieName())
				.logoutSuccessUrl(SIGN_IN + "?signed-out"))
			// Uploads are authorised before their bodies are read: see
			// UploadsAuthorisedFirst.
			.csrf((csrf) -> csrf.csrfTokenRepository(tokens)
				.requireCsrfProtectionMatcher(UploadsAuthorisedFirst.checkedBeforeAuthorisation())
				.csrfTokenRequestHandler(UploadsAuthorisedFirst.neverReadingMultipartBodies()))
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.webAuthn((passkeys) -> passkeys.rpName(force.shortName() + " " + site.serviceName())
				.rpId(origins.relyingPartyId())
				.allowedOrigins(origins.allowed())
				.disableDefaultRegistrationPage(true)
				.withObjectPostProcessor(passkeysLeadBackTo(pagesAskedFor)))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(denied))
			.requestCache((cache) -> cache.requestCache(pagesAskedFor))
			// CSP, HSTS over HTTPS, Permissions-Policy and the rest come from the site's
			// own
			// web.SecurityHeadersFilter, which runs before this chain on every request.
			.headers((headers) -> headers.defaultsDisabled()
				.addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store")))
			.addFilterBefore(
					new StaffSessionFilter(accounts, secondFactors, events, properties.sessionLifetime(), clock),
					LogoutFilter.class)
			.addFilterAfter(UploadsAuthorisedFirst.checkAfterAuthorisation(tokens, denied), AuthorizationFilter.class);
		return http.build();
	}

	private static String[] staffPaths() {
		List<String> paths = new ArrayList<>(List.of("/staff", "/staff/**"));
		paths.addAll(List.of(PASSKEY_ENDPOINTS));
		return paths.toArray(String[]::new);
	}

	/**
	 * Every staff rule ({@code hasRole} and the rest) also asks for a second factor after
	 * the password: always, or where it is optional, once the account has one set up.
	 */
	@Bean
	AuthorizationManagerFactory<Object> staffAuthorization(StaffSecurityProperties properties) {
		DefaultAuthorizationManagerFactory<Object> factory = new DefaultAuthorizationManagerFactory<>();
		factory.setAdditionalAuthorization(new SecondFactorRules(properties.secondFactor()).everyRule());
		return factory;
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain publicPages(HttpSecurity http, StaffSecurityProperties properties) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			// Mail programs unsubscribe with one POST and no cookie (RFC 8058): that
			// address, and only with POST, is the one public form without a token. The
			// token in the path is the credential; opening it with GET changes nothing.
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens(properties))
				.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, ONE_CLICK_UNSUBSCRIBE)))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new FormTokens()))
			.headers((headers) -> headers.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable());
		return http.build();
	}

	/**
	 * The only way staff are authenticated. A bean of its own (not registered with the
	 * global authentication manager), so each attempt is checked, and counted, exactly
	 * once, and Spring Boot's default in-memory user is never created.
	 */
	@Bean
	AuthenticationManager staffAuthentication(StaffAccountRepository accounts, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, SecurityEvents events, TransactionTemplate transaction,
			SecondFactors secondFactors, Clock clock, Environment environment) {
		boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
		return new ProviderManager(new StaffAuthenticationProvider(accounts, passwordEncoder, throttle, events,
				transaction, secondFactors, clock, demo));
	}

	/** Turns to hash passwords, so that a burst of sign-ins cannot exhaust the heap. */
	@Bean
	PasswordHashingTurns passwordHashingTurns(StaffSecurityProperties properties) {
		return PasswordHashingTurns.forThisInstance(properties.passwordHashing());
	}

	@Bean
	PasswordHashingMemory passwordHashingMemory(PasswordHashingTurns turns, Clock clock) {
		return new PasswordHashingMemory(turns.atOnce(), clock);
	}

	@Bean
	PasswordEncoder passwordEncoder(PasswordHashingTurns turns, PasswordHashingMemory memory) {
		return PasswordHashing.encoder(turns, memory);
	}

	/**
	 * The staff session cookie, written by Spring Session. Over HTTPS it is
	 * {@code Secure} and named {@code __Host-YOURAREA_SESSION}: the prefix makes browsers
	 * refuse it unless it is secure, host-only and for the whole site. Always HttpOnly
	 * and SameSite=Lax.
	 */
	@Bean
	CookieSerializer staffSessionCookie(StaffSecurityProperties properties) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(properties.sessionCookieName());
		cookie.setUseSecureCookie(properties.secureCookies());
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setCookiePath("/");
		return cookie;
	}

	/**
	 * Passkeys are kept in PostgreSQL (V22), so that every instance knows them; without
	 * these Spring Security would keep them in one instance's memory.
	 */
	@Bean
	JdbcPublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	JdbcUserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}

	/**
	 * Writes session attributes with one upsert each instead of an update then an insert.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer staffSessionUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/** Session ids kept only as hashes: the table alone opens no session. */
	@Bean
	StaffSessionIdsHashed staffSessionIdsHashed() {
		return new StaffSessionIdsHashed();
	}

	/**
	 * CSRF tokens that need no server session: the token is kept in a cookie and each
	 * form must send it back, so a resident's form still works after a restart, a deploy,
	 * a switch to another instance or a long pause, and a visit to a form page stores
	 * nothing on the server. The cookie is HttpOnly (forms carry the token themselves)
	 * and over HTTPS {@code __Host-} prefixed, so no other site or subdomain can plant
	 * one.
	 */
	/**
	 * After a passkey is used, the answer to the browser names the page to go to: the one
	 * asked for before the second step, from the same place the other steps keep it.
	 */
	private static ObjectPostProcessor<WebAuthnAuthenticationFilter> passkeysLeadBackTo(RequestCache pagesAskedFor) {
		return new ObjectPostProcessor<>() {
			@Override
			public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
				HttpMessageConverterAuthenticationSuccessHandler success = new HttpMessageConverterAuthenticationSuccessHandler();
				success.setRequestCache(pagesAskedFor);
				filter.setAuthenticationSuccessHandler(success);
				return filter;
			}
		};
	}

	/**
	 * The staff page someone asked for before signing in (or before the second step), to
	 * go back to afterwards: in a cookie, never in a session, so that a staff address
	 * asked for by someone not signed in stores nothing on the server. The cookie holds a
	 * path on this site only (Spring Security refuses anything else when reading it
	 * back).
	 */
	static RequestCache pagesAskedFor(StaffSecurityProperties properties) {
		CookieRequestCache cookie = new CookieRequestCache();
		cookie.setCookieCustomizer((saved) -> {
			saved.setSecure(properties.secureCookies());
			saved.setAttribute("SameSite", "Lax");
		});
		// Only pages are kept: a form cannot be sent again by a redirect.
		cookie.setRequestMatcher((request) -> "GET".equals(request.getMethod()));
		return new RequestCache() {
			@Override
			public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
				cookie.saveRequest(request, response);
			}

			@Override
			public @Nullable SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
				return cookie.getRequest(request, response);
			}

			@Override
			public @Nullable HttpServletRequest getMatchingRequest(HttpServletRequest request,
					HttpServletResponse response) {
				// A kept page is only ever a GET; comparing another request with it would
				// read that request's parameters, and so a whole upload, before anyone
				// has decided it may be read.
				return "GET".equals(request.getMethod()) ? cookie.getMatchingRequest(request, response) : null;
			}

			@Override
			public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
				cookie.removeRequest(request, response);
			}
		};
	}

	static CookieCsrfTokenRepository csrfTokens(StaffSecurityProperties properties) {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName(properties.csrfCookieName());
		tokens.setCookieCustomizer((cookie) -> cookie.secure(properties.secureCookies()).sameSite("Lax").path("/"));
		return tokens;
	}

	private static String role(StaffRole role) {
		return role.name();
	}

}
