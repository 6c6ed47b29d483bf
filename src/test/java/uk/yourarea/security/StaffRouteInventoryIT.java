package uk.yourarea.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.ResidentMessages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff route the application maps, asked by everyone who might ask, with GET and
 * with POST, over real HTTP. The routes come from the application's own handler mappings,
 * so a new staff route fails this test until it has an entry in {@link #INVENTORY} saying
 * who may use it and whether it belongs to one neighbourhood.
 * <ul>
 * <li>Someone not signed in is sent to sign in.</li>
 * <li>A role the route is not for gets 403.</li>
 * <li>A role it is for, asking about another neighbourhood than theirs, gets 404, as if
 * it did not exist.</li>
 * <li>A role it is for, about their own neighbourhood, is let through: a GET is answered
 * (anything but the sign-in page, 403, 404 or a server error), and a POST passes
 * authorisation and reaches the application. So that the test changes nothing, those
 * POSTs are multipart requests whose body cannot be read: Spring Security decides on them
 * before reading the body (see UploadsAuthorisedFirst), and the application then refuses
 * the body (400) without running the form.</li>
 * </ul>
 * Officers belong to Wigston; the sergeant supervises Wigston's and Oadby's area. Another
 * neighbourhood is one neither may see (NC04).
 */
@DemoSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffRouteInventoryIT {

	/** Who a route is for, and whether it is about one neighbourhood. */
	record Rule(Set<Who> allowed, boolean oneNeighbourhood, boolean postedToAFilter) {

		static Rule forRoles(Who... who) {
			return new Rule(EnumSet.copyOf(List.of(who)), false, false);
		}

		static Rule inNeighbourhood(Who... who) {
			return new Rule(EnumSet.copyOf(List.of(who)), true, false);
		}

		/**
		 * Signing in: a page anyone may see, and a form Spring Security's filter takes
		 * (an empty one is shown again, 200).
		 */
		static Rule signIn() {
			return new Rule(EnumSet.allOf(Who.class), false, true);
		}

	}

	static final Who[] STAFF = { Who.OFFICER, Who.SUPERVISOR, Who.WEB_EDITOR, Who.ADMIN };

	/** Everyone signed in, for their own account: the data protection officer too. */
	static final Who[] SIGNED_IN = { Who.OFFICER, Who.SUPERVISOR, Who.WEB_EDITOR, Who.ADMIN, Who.DATA_PROTECTION };

	static final Who[] EDITORS = { Who.WEB_EDITOR, Who.ADMIN };

	static final Who[] MESSAGES = { Who.OFFICER, Who.SUPERVISOR, Who.ADMIN };

	/** Every /staff route, as the handler mappings spell it, and who may use it. */
	static final Map<String, Rule> INVENTORY = new TreeMap<>();

	static {
		// Signing in, and each person's own account.
		INVENTORY.put("/staff/sign-in", Rule.signIn());
		INVENTORY.put("/staff", Rule.forRoles(SIGNED_IN));
		INVENTORY.put("/staff/change-password", Rule.forRoles(SIGNED_IN));
		INVENTORY.put("/staff/second-step", Rule.forRoles(SIGNED_IN));
		INVENTORY.put("/staff/second-factor", Rule.forRoles(SIGNED_IN));
		INVENTORY.put("/staff/second-factor/authenticator-app", Rule.forRoles(SIGNED_IN));
		INVENTORY.put("/staff/second-factor/authenticator-app/remove", Rule.forRoles(SIGNED_IN));
		INVENTORY.put("/staff/second-factor/recovery-codes", Rule.forRoles(SIGNED_IN));
		INVENTORY.put("/staff/second-factor/passkeys/new", Rule.forRoles(SIGNED_IN));
		INVENTORY.put("/staff/second-factor/passkeys/{id}/remove", Rule.forRoles(SIGNED_IN));
		// Residents' messages: their neighbourhood's officers, its supervisors, and
		// administrators.
		INVENTORY.put("/staff/inbox", Rule.forRoles(MESSAGES));
		for (String action : List.of("", "/assign", "/close", "/note", "/release", "/reply")) {
			INVENTORY.put("/staff/inbox/messages/{id}" + action, Rule.inNeighbourhood(MESSAGES));
		}
		INVENTORY.put("/staff/supervisor", Rule.forRoles(Who.SUPERVISOR, Who.ADMIN));
		INVENTORY.put("/staff/guarantee", Rule.forRoles(Who.SUPERVISOR, Who.WEB_EDITOR, Who.ADMIN));
		INVENTORY.put("/staff/guarantee/guarantee.csv", Rule.forRoles(Who.SUPERVISOR, Who.WEB_EDITOR, Who.ADMIN));
		// A neighbourhood's own pages: its officers and supervisors, and the web team.
		INVENTORY.put("/staff/neighbourhoods", Rule.forRoles(STAFF));
		INVENTORY.put("/staff/neighbourhoods/{id}", Rule.inNeighbourhood(STAFF));
		INVENTORY.put("/staff/changes/neighbourhood-page/{neighbourhoodId}", Rule.inNeighbourhood(STAFF));
		INVENTORY.put("/staff/changes/{subjectType:[a-z][a-z-]*}/{subjectId}", Rule.inNeighbourhood(STAFF));
		for (String path : List.of("", "/new", "/{priorityId}", "/{priorityId}/close", "/{priorityId}/edit",
				"/{priorityId}/updates/new")) {
			INVENTORY.put("/staff/neighbourhoods/{neighbourhoodId}/priorities" + path, Rule.inNeighbourhood(STAFF));
		}
		for (String path : List.of("", "/new", "/{eventId}/cancel", "/{eventId}/edit")) {
			INVENTORY.put("/staff/neighbourhoods/{neighbourhoodId}/events" + path, Rule.inNeighbourhood(STAFF));
		}
		for (String path : List.of("", "/new", "/{cid}", "/{cid}/close", "/{cid}/responses.csv", "/{cid}/concerns",
				"/{cid}/concerns/{responseId}")) {
			INVENTORY.put("/staff/neighbourhoods/{id}/consultations" + path, Rule.inNeighbourhood(STAFF));
		}
		// What every neighbourhood shares: the web team.
		for (String path : List.of("/new", "/{id}/edit", "/{id}/retire", "/{id}/coverage")) {
			INVENTORY.put("/staff/neighbourhoods" + path, Rule.forRoles(EDITORS));
		}
		for (String path : List.of("", "/named-officer", "/new", "/{memberId}/confirm", "/{memberId}/edit",
				"/{memberId}/move", "/{memberId}/move-down", "/{memberId}/move-up", "/{memberId}/photo",
				"/{memberId}/photo/remove", "/{memberId}/remove")) {
			INVENTORY.put("/staff/neighbourhoods/{neighbourhoodId}/team" + path, Rule.forRoles(EDITORS));
		}
		for (String path : List.of("", "/new", "/{id}/edit", "/{id}/retire")) {
			INVENTORY.put("/staff/local-policing-areas" + path, Rule.forRoles(EDITORS));
		}
		for (String path : List.of("", "/new", "/{id}", "/{id}/edit", "/{id}/exceptions/new",
				"/{id}/exceptions/{exceptionId}/remove", "/{id}/hours", "/{id}/remove")) {
			INVENTORY.put("/staff/stations" + path, Rule.forRoles(EDITORS));
		}
		for (String path : List.of("", "/boundaries", "/imports/{id}", "/imports/{id}/apply", "/imports/{id}/discard",
				"/imports/{id}/preview-again", "/overrides", "/overrides/clear", "/postcodes", "/wards")) {
			INVENTORY.put("/staff/coverage" + path, Rule.forRoles(EDITORS));
		}
		// Alerts to residents: written by officers and supervisors to their own
		// neighbourhoods, by the web team anywhere; subscribers' addresses for the web
		// team only.
		for (String path : List.of("", "/new", "/subscribers")) {
			INVENTORY.put("/staff/alerts" + path, Rule.forRoles(STAFF));
		}
		for (String path : List.of("", "/edit", "/delete", "/preview", "/send", "/cancel", "/approve", "/return")) {
			INVENTORY.put("/staff/alerts/{id}" + path, Rule.inNeighbourhood(STAFF));
		}
		INVENTORY.put("/staff/alerts/subscribers/{neighbourhoodId}", Rule.forRoles(EDITORS));
		// The data protection desk: its own role alone, never administrators. Every
		// form is a POST, so that who is searched for stays out of addresses.
		INVENTORY.put("/staff/data-protection", Rule.forRoles(Who.DATA_PROTECTION));
		for (String path : List.of("/search", "/export", "/erase/confirm", "/erase", "/hold/new", "/hold", "/lift/new",
				"/lift")) {
			INVENTORY.put("/staff/data-protection" + path, Rule.forRoles(Who.DATA_PROTECTION));
		}
		// Staff accounts: administrators.
		for (String path : List.of("", "/new", "/{id}", "/{id}/disable", "/{id}/edit", "/{id}/enable",
				"/{id}/reset-second-factor", "/{id}/temporary-password")) {
			INVENTORY.put("/staff/admin/accounts" + path, Rule.forRoles(Who.ADMIN));
		}
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(?::[^}]*)?\\}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	RateLimits rateLimits;

	private final Map<Who, StaffBrowser> browsers = new EnumMap<>(Who.class);

	private final Map<Who, String> tokens = new EnumMap<>(Who.class);

	/** Path variables about Wigston (and things every neighbourhood shares). */
	private final Map<String, String> own = new HashMap<>();

	/** The same about a neighbourhood neither the officer nor the sergeant may see. */
	private final Map<String, String> other = new HashMap<>();

	private final List<String> cleanUp = new ArrayList<>();

	@BeforeAll
	void everyoneAndSomethingOfEachKind() {
		for (Who who : Who.values()) {
			StaffBrowser browser = (who.email == null) ? StaffBrowser.on(this.environment)
					: StaffBrowser.signedIn(this.environment, who.email, StaffBrowser.DEMO_PASSWORD);
			this.browsers.put(who, browser);
			this.tokens.put(who,
					(who.email == null) ? StaffBrowser.csrfToken(browser.page("/staff/sign-in"), "/staff/sign-in")
							: StaffBrowser.csrfToken(browser.page("/staff"), "/staff/sign-out"));
		}
		bind(this.own, id("select id from neighbourhood where code = 'NA54'"));
		bind(this.other, id("select id from neighbourhood where code = 'NC04'"));
		String tag = UUID.randomUUID().toString().substring(0, 8);
		this.own.put("cid", Long.toString(id("""
				select id from consultation where neighbourhood_id = ? order by opens_at desc limit 1""",
				Long.parseLong(this.own.get("neighbourhoodId")))));
		this.other.put("cid", Long.toString(id("""
				insert into consultation (neighbourhood_id, question, opens_at, closes_at, created_at)
				values (?, 'Route inventory ' || ?, now() - interval '400 days', now() - interval '390 days',
				        now() - interval '400 days') returning id""", Long.parseLong(this.other.get("neighbourhoodId")),
				tag)));
		this.cleanUp.add("delete from consultation where id = " + this.other.get("cid"));
		String sharedStation = Long.toString(id("select min(id) from station"));
		String sharedArea = Long.toString(id("select min(id) from local_policing_area"));
		// An account of its own, in case an administrator's request did more than it
		// should.
		String sharedAccount = Long.toString(
				TestAccounts.create(this.accounts, "Route Inventory", Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of())
					.id());
		String sharedImport = Long.toString(id("""
				insert into coverage_import (kind, file_name, file_size, status, created_by_name, created_at,
				                             heartbeat_at, finished_at)
				values ('POSTCODES', 'route-inventory.csv', 0, 'DISCARDED', 'Route inventory', now(), now(), now())
				returning id"""));
		this.cleanUp.add("delete from coverage_import where id = " + sharedImport);
		for (Map<String, String> variables : List.of(this.own, this.other)) {
			long neighbourhood = Long.parseLong(variables.get("neighbourhoodId"));
			long priority = id("""
					insert into priority (neighbourhood_id, issue, raised_on, updated_on, status)
					values (?, 'Route inventory ' || ?, current_date, current_date, 'OPEN') returning id""",
					neighbourhood, tag);
			variables.put("priorityId", Long.toString(priority));
			this.cleanUp.add("delete from priority where id = " + priority);
			long event = id("""
					insert into event (neighbourhood_id, title, type, address, starts_at, ends_at)
					values (?, 'Route inventory ' || ?, 'BEAT_SURGERY', 'The library', now() + interval '9 days',
					        now() + interval '9 days 1 hour') returning id""", neighbourhood, tag);
			variables.put("eventId", Long.toString(event));
			this.cleanUp.add("delete from event where id = " + event);
			long record = id("""
					insert into change_record (subject_type, subject_id, subject_name, neighbourhood_id, action,
					                           changed_by_name, changed_at)
					values ('priority', ?, 'Route inventory', ?, 'Added', 'Route inventory', now()) returning id""",
					priority, neighbourhood);
			this.cleanUp.add("delete from change_record where id = " + record);
			variables.put("subjectType", "priority");
			variables.put("subjectId", Long.toString(priority));
			variables.put("messageId", Long.toString(message(neighbourhood)));
			variables.put("memberId",
					Long.toString(id("select min(id) from team_member where neighbourhood_id = ?", neighbourhood)));
			variables.put("responseId", "1");
			variables.put("exceptionId", "1");
			variables.put("station", sharedStation);
			variables.put("area", sharedArea);
			variables.put("account", sharedAccount);
			variables.put("import", sharedImport);
			variables.put("passkey", "AAAA");
			long alert = id("""
					insert into alert (title, body, topic, reach, author_id, status, created_at, updated_at)
					values ('Route inventory ' || ?, 'Body', 'GENERAL', 'NEIGHBOURHOODS',
					        (select id from staff_account where email = 'officer.wigston@example.org'), 'DRAFT', now(),
					        now()) returning id""", tag);
			this.jdbc.update("insert into alert_neighbourhood (alert_id, neighbourhood_id) values (?, ?)", alert,
					neighbourhood);
			variables.put("alert", Long.toString(alert));
			this.cleanUp.add("delete from alert where id = " + alert);
		}
		long lastView = id("select coalesce(max(id), 0) from alert_subscriber_list_view");
		this.cleanUp.add("delete from alert_subscriber_list_view where id > " + lastView);
	}

	@AfterAll
	void removeWhatWasMade() {
		for (int i = this.cleanUp.size() - 1; i >= 0; i--) {
			this.jdbc.update(this.cleanUp.get(i));
		}
	}

	@Test
	void everyStaffRouteHasAnEntryAndEveryEntryIsARoute() {
		assertThat(mappedRoutes().keySet()).as("staff routes without an entry in the inventory (add one)")
			.isSubsetOf(INVENTORY.keySet());
		assertThat(INVENTORY.keySet()).as("entries in the inventory no handler maps (remove them)")
			.isSubsetOf(mappedRoutes().keySet());
	}

	@Test
	void everyRouteAnswersEveryoneAsItsEntrySays() {
		List<String> wrong = new ArrayList<>();
		int asked = 0;
		for (Map.Entry<String, Set<RequestMethod>> route : mappedRoutes().entrySet()) {
			Rule rule = INVENTORY.get(route.getKey());
			if (rule == null) {
				continue;
			}
			for (RequestMethod method : List.of(RequestMethod.GET, RequestMethod.POST)) {
				boolean mapped = route.getValue().isEmpty() || route.getValue().contains(method);
				for (Who who : Who.values()) {
					asked++;
					check(route.getKey(), method, mapped, who, rule, this.own, false, wrong);
					if (rule.oneNeighbourhood() && who != Who.ANONYMOUS) {
						asked++;
						check(route.getKey(), method, mapped, who, rule, this.other, true, wrong);
					}
				}
			}
		}
		asked += mixedAddresses(wrong);
		assertThat(this.jdbc.queryForObject("select enabled from staff_account where id = ?", Boolean.class,
				Long.parseLong(this.own.get("account"))))
			.as("no form ran: the account the administrator's requests named is still enabled")
			.isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from priority where id in (?, ?) and status = 'OPEN'",
				Long.class, Long.parseLong(this.own.get("priorityId")), Long.parseLong(this.other.get("priorityId"))))
			.as("no form ran: both priorities are still open")
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from event where id in (?, ?) and cancelled_at is null",
				Long.class, Long.parseLong(this.own.get("eventId")), Long.parseLong(this.other.get("eventId"))))
			.as("no form ran: neither event was cancelled")
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from message_entry where contact_message_id in (?, ?)"
						+ " and kind in ('NOTE', 'FULL_REPLY', 'HOLDING_REPLY', 'CLOSED', 'ASSIGNED')",
				Long.class, Long.parseLong(this.own.get("messageId")), Long.parseLong(this.other.get("messageId"))))
			.as("no form ran: nothing was added to either message")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from alert where id in (?, ?) and status = 'DRAFT'",
				Long.class, Long.parseLong(this.own.get("alert")), Long.parseLong(this.other.get("alert"))))
			.as("no form ran: both alerts are still drafts")
			.isEqualTo(2);
		assertThat(wrong).as("of %d requests, these were answered otherwise than the inventory says", asked).isEmpty();
		assertThat(asked).isGreaterThan(INVENTORY.size() * 10);
	}

	private void check(String route, RequestMethod method, boolean mapped, Who who, Rule rule,
			Map<String, String> variables, boolean otherNeighbourhood, List<String> wrong) {
		String path = path(route, variables);
		StaffBrowser browser = this.browsers.get(who);
		HttpResponse<String> answer;
		String expected;
		boolean allowed = rule.allowed().contains(who);
		if (method == RequestMethod.GET) {
			answer = browser.get(path);
		}
		else if (rule.postedToAFilter()) {
			answer = browser.post(path, this.tokens.get(who));
			if (answer.statusCode() != 200) {
				wrong.add(who + " POST " + path + ": expected the form again (200), got " + answer.statusCode());
			}
			return;
		}
		else if (allowed && who != Who.ANONYMOUS && mapped && !(otherNeighbourhood && limitedToTheirOwn(who))) {
			answer = browser.postUnreadable(path, this.tokens.get(who));
		}
		else {
			answer = browser.post(path, this.tokens.get(who));
		}
		int status = answer.statusCode();
		String location = answer.headers().firstValue("Location").orElse("");
		boolean toSignIn = (status == 302 || status == 303) && location.contains("/staff/sign-in");
		if (who == Who.ANONYMOUS && !allowed) {
			expected = "sent to sign in";
			if (toSignIn) {
				return;
			}
		}
		else if (!allowed) {
			expected = "403";
			if (status == 403) {
				return;
			}
		}
		else if (!mapped) {
			// Refused before anything about the neighbourhood is looked at.
			expected = "405";
			if (status == 405) {
				return;
			}
		}
		else if (otherNeighbourhood && limitedToTheirOwn(who)) {
			expected = "404";
			if (status == 404) {
				return;
			}
		}
		else {
			expected = (method == RequestMethod.POST) ? "let through, and its body refused (400)" : "let through";
			boolean through = !toSignIn && status != 401 && status != 403 && status != 404 && status < 500;
			if (through && (method == RequestMethod.GET || status == 400)) {
				return;
			}
		}
		wrong.add(who + " " + method + " " + path + ": expected " + expected + ", got " + status
				+ (location.isEmpty() ? "" : " to " + location));
	}

	/**
	 * Routes naming a neighbourhood and something in it, with the officer's own
	 * neighbourhood and another's priority, event or consultation: 404 for everyone
	 * allowed, web editors and administrators too, and nothing changed (each POST here
	 * runs, and must stop at the mismatch).
	 */
	private int mixedAddresses(List<String> wrong) {
		Map<String, String> mixed = new HashMap<>(this.own);
		for (String thing : List.of("priorityId", "eventId", "cid")) {
			mixed.put(thing, this.other.get(thing));
		}
		int asked = 0;
		for (Map.Entry<String, Set<RequestMethod>> route : mappedRoutes().entrySet()) {
			Rule rule = INVENTORY.get(route.getKey());
			boolean namesAThing = route.getKey().contains("{priorityId}") || route.getKey().contains("{eventId}")
					|| route.getKey().contains("{cid}");
			if (rule == null || !namesAThing) {
				continue;
			}
			String path = path(route.getKey(), mixed);
			for (RequestMethod method : route.getValue()) {
				for (Who who : rule.allowed()) {
					asked++;
					HttpResponse<String> answer = (method == RequestMethod.GET) ? this.browsers.get(who).get(path)
							: this.browsers.get(who).post(path, this.tokens.get(who));
					if (answer.statusCode() != 404) {
						wrong.add(who + " " + method + " " + path
								+ " (another neighbourhood's thing): expected 404, got " + answer.statusCode());
					}
				}
			}
		}
		return asked;
	}

	/** Officers and supervisors work in their own neighbourhoods; the others in all. */
	private static boolean limitedToTheirOwn(Who who) {
		return who == Who.OFFICER || who == Who.SUPERVISOR;
	}

	/** Every /staff route pattern the application maps, with its methods. */
	private Map<String, Set<RequestMethod>> mappedRoutes() {
		Map<String, Set<RequestMethod>> routes = new TreeMap<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/staff") || pattern.startsWith("/staff/")) {
					routes.computeIfAbsent(pattern, (p) -> new TreeSet<>())
						.addAll(info.getMethodsCondition().getMethods());
				}
			}
		});
		return routes;
	}

	/** The route with each variable bound, by its name and the route it is in. */
	private static String path(String route, Map<String, String> variables) {
		Matcher matcher = VARIABLE.matcher(route);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value;
			if (name.equals("id")) {
				value = variables.get(idIn(route));
			}
			else {
				value = variables.get(name);
			}
			if (value == null) {
				throw new IllegalStateException("Nothing to put in {" + name + "} of " + route);
			}
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	/** What {@code {id}} names in a route. */
	private static String idIn(String route) {
		if (route.startsWith("/staff/neighbourhoods/")) {
			return "neighbourhoodId";
		}
		if (route.startsWith("/staff/inbox/messages/")) {
			return "messageId";
		}
		if (route.startsWith("/staff/stations/")) {
			return "station";
		}
		if (route.startsWith("/staff/local-policing-areas/")) {
			return "area";
		}
		if (route.startsWith("/staff/admin/accounts/")) {
			return "account";
		}
		if (route.startsWith("/staff/coverage/imports/")) {
			return "import";
		}
		if (route.startsWith("/staff/alerts/")) {
			return "alert";
		}
		if (route.startsWith("/staff/second-factor/passkeys/")) {
			return "passkey";
		}
		throw new IllegalStateException("What is {id} in " + route + "?");
	}

	private void bind(Map<String, String> variables, long neighbourhood) {
		variables.put("neighbourhoodId", Long.toString(neighbourhood));
	}

	/** A resident's message to the neighbourhood, sent through the contact form. */
	private long message(long neighbourhood) {
		String slug = this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class,
				neighbourhood);
		long id = new ResidentMessages(this.site, this.stamps, this.rateLimits, this.jdbc)
			.send(slug, "Route Inventory", "inventory-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
					"GENERAL_ENQUIRY", "Checking who may read this.")
			.id();
		this.cleanUp.add("delete from contact_message where id = " + id);
		return id;
	}

	private long id(String sql, Object... arguments) {
		Long id = this.jdbc.queryForObject(sql, Long.class, arguments);
		assertThat(id).as(sql).isNotNull();
		return id;
	}

}
