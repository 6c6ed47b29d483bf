package uk.yourarea.alert;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Staff alerts over real HTTP and through the service: who may write where and see what
 * (every route, every role), drafts, sending now and later, cancelling, force-wide
 * approval, the signature and the audited subscriber list. Every alert and subscriber
 * made here is deleted afterwards.
 */
@DemoSiteTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAlertsIT {

	private static final String PREFIX = "IT alert ";

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private AlertComposing composing;

	@Autowired
	private AlertSignature signatures;

	@Autowired
	private AlertRepository alerts;

	@Autowired
	private AlertAccess access;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private StaffScope scope;

	@Autowired
	private NeighbourhoodDirectory directory;

	@Autowired
	private ApplicationEventPublisher publisher;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private Clock clock;

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private AlertSubscriberList subscriberList;

	private StaffBrowser officer;

	private StaffBrowser otherOfficer;

	private StaffBrowser supervisor;

	private StaffBrowser webEditor;

	private StaffBrowser admin;

	private StaffBrowser dpo;

	private NeighbourhoodSummary wigston;

	private NeighbourhoodSummary oadby;

	@BeforeAll
	void signIn() {
		this.officer = StaffBrowser.signedIn(this.environment, "officer.wigston@example.org",
				StaffBrowser.DEMO_PASSWORD);
		this.otherOfficer = StaffBrowser.signedIn(this.environment, "officer.oadby@example.org",
				StaffBrowser.DEMO_PASSWORD);
		this.supervisor = StaffBrowser.signedIn(this.environment, "sergeant@example.org", StaffBrowser.DEMO_PASSWORD);
		this.webEditor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
		this.admin = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		this.dpo = StaffBrowser.signedIn(this.environment, "dpo@example.org", StaffBrowser.DEMO_PASSWORD);
		this.wigston = this.directory.byCode("NA54").orElseThrow();
		this.oadby = this.directory.byCode("NA55").orElseThrow();
	}

	@AfterAll
	void deleteWhatWasMade() {
		this.jdbc.update("delete from alert where title like ?", PREFIX + "%");
		this.jdbc.update("delete from alert_subscriber where email like 'staff-alerts-it-%'");
		this.jdbc.update("delete from alert_subscriber_list_view where staff_name = 'Web Editor (demo)'");
	}

	@Test
	void anOfficerWritesPreviewsAndSendsToTheirNeighbourhoodAtOnce() {
		String title = title();
		HttpResponse<String> saved = this.officer.submit("/staff/alerts/new", "/staff/alerts/new",
				alertFields(title, "GENERAL", "neighbourhoodIds", id(this.wigston), "action", "preview"));
		assertThat(saved.statusCode()).isEqualTo(303);
		long id = alertId(title);
		assertThat(StaffBrowser.redirectPath(saved)).isEqualTo("/staff/alerts/" + id + "/preview");

		Document preview = StaffBrowser.parse(this.officer.follow(saved));
		String signature = "Message sent by PC Jo Wigston (demo) (Leicestershire Police, neighbourhood team, "
				+ "collar number 1913, " + this.wigston.area().name() + ")";
		assertThat(preview.select("#email-subject").text()).isEqualTo("Wigston team: " + title);
		assertThat(preview.select("#email-body").text()).contains("Come to the beat surgery on Tuesday.")
			.contains(signature)
			.contains("[the subscriber's own link to manage their messages]")
			.contains("Stop messages from the Wigston team: [the subscriber's own link to stop this team's messages]")
			.contains("[the subscriber's own link to stop all their messages]");
		assertThat(preview.select("#web-preview a").eachAttr("href")).contains("https://example.org/surgery");
		assertThat(preview.select("#web-preview").text()).contains(signature);
		// Subscribers who chose Welsh get the English of an alert with no Welsh, signed
		// in
		// Welsh.
		assertThat(preview.select("#web-preview-cy h3").attr("lang")).isEqualTo("en");
		assertThat(preview.select("#web-preview-signature-cy").text())
			.startsWith("Neges a anfonwyd gan PC Jo Wigston (demo) (Heddlu Swydd Gaerlŷr, tîm y gymdogaeth, "
					+ "rhif coler 1913, ");

		HttpResponse<String> sent = this.officer.submit("/staff/alerts/" + id + "/preview",
				"/staff/alerts/" + id + "/send", "when", "NOW");
		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.parse(this.officer.follow(sent)).select(".govuk-notification-banner").text())
			.contains("is on its way to subscribers");
		assertThat(status(id)).isEqualTo("SCHEDULED");
		Instant sendAt = this.jdbc.queryForObject("select send_at from alert where id = ?", Timestamp.class, id)
			.toInstant();
		assertThat(Duration.between(sendAt, this.clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));

		// A second click changes nothing.
		HttpResponse<String> again = this.officer.post("/staff/alerts/" + id + "/send",
				StaffBrowser.csrfToken(this.officer.page("/staff/alerts"), "/staff/sign-out"), "when", "NOW");
		assertThat(StaffBrowser.parse(this.officer.follow(again)).select(".govuk-notification-banner").text())
			.contains("no longer a draft");
		assertThat(status(id)).isEqualTo("SCHEDULED");
		assertThat(this.signatures.signatureFor(id)).isEqualTo(signature);
	}

	@Test
	void draftsAreSavedChangedAndDeletedByTheirAuthor() {
		String title = title();
		HttpResponse<String> saved = this.officer.submit("/staff/alerts/new", "/staff/alerts/new",
				alertFields(title, "APPEALS", "neighbourhoodIds", id(this.wigston), "action", "save"));
		long id = alertId(title);
		assertThat(StaffBrowser.redirectPath(saved)).isEqualTo("/staff/alerts/" + id);
		assertThat(status(id)).isEqualTo("DRAFT");
		Document list = this.officer.page("/staff/alerts");
		assertThat(list.select("#alerts tbody tr").first().text()).contains("Draft");
		assertThat(list.select("#alerts").text()).contains(title);

		String changed = title + " (changed)";
		HttpResponse<String> edited = this.officer.submit("/staff/alerts/" + id + "/edit",
				"/staff/alerts/" + id + "/edit",
				alertFields(changed, "EVENTS", "neighbourhoodIds", id(this.wigston), "version", "0", "action", "save"));
		assertThat(edited.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForObject("select title || ' ' || topic from alert where id = ?", String.class, id))
			.isEqualTo(changed + " EVENTS");

		// A form based on the old version is refused and keeps what was typed.
		Document stale = StaffBrowser
			.parse(this.officer.submit("/staff/alerts/" + id + "/edit", "/staff/alerts/" + id + "/edit",
					alertFields(title + " (stale)", "EVENTS", "neighbourhoodIds", id(this.wigston), "version", "0")));
		assertThat(stale.select(".govuk-error-summary").text()).contains("Someone else changed or sent this draft");
		assertThat(stale.getElementById("title").val()).isEqualTo(title + " (stale)");

		// The sergeant sees it but may not change it.
		assertThat(this.supervisor.get("/staff/alerts/" + id).statusCode()).isEqualTo(200);
		assertThat(this.supervisor.page("/staff/alerts/" + id).select("form[action$=\"/delete\"]")).isEmpty();
		StaffUser sergeant = ActingAs.demo(this.jdbc, "sergeant@example.org");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.composing.edit(sergeant, id, 1, new AlertDraft("x", "y", AlertTopic.GENERAL,
					AlertReach.NEIGHBOURHOODS, null, Set.of(this.wigston.id()))));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.composing.delete(sergeant, id));

		HttpResponse<String> deleted = this.officer.submit("/staff/alerts/" + id, "/staff/alerts/" + id + "/delete");
		assertThat(StaffBrowser.redirectPath(deleted)).isEqualTo("/staff/alerts");
		assertThat(this.alerts.findById(id)).isEmpty();
	}

	@Test
	void aScheduledAlertGoesLaterAndCanBeCancelledBeforeItGoes() {
		long id = draft(this.officer, title(), this.wigston);
		LocalDate tomorrow = LocalDate.now(this.clock).plusDays(1);
		HttpResponse<String> sent = this.officer.submit("/staff/alerts/" + id + "/preview",
				"/staff/alerts/" + id + "/send", "when", "LATER", "sendDay", String.valueOf(tomorrow.getDayOfMonth()),
				"sendMonth", String.valueOf(tomorrow.getMonthValue()), "sendYear", String.valueOf(tomorrow.getYear()),
				"sendTime", "6:30pm");
		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(status(id)).isEqualTo("SCHEDULED");
		assertThat(this.jdbc.queryForObject("select send_at from alert where id = ?", Timestamp.class, id).toInstant())
			.isEqualTo(ZonedDateTime.of(tomorrow, LocalTime.of(18, 30), this.clock.getZone()).toInstant());
		Document page = this.officer.page("/staff/alerts/" + id);
		assertThat(page.select("#alert-details").text()).contains("Scheduled").contains("6:30pm");

		// Another neighbourhood's officer cannot cancel it.
		assertThat(this.otherOfficer.post("/staff/alerts/" + id + "/cancel", csrf(this.otherOfficer)).statusCode())
			.isEqualTo(404);
		assertThat(status(id)).isEqualTo("SCHEDULED");

		HttpResponse<String> cancelled = this.officer.submit("/staff/alerts/" + id, "/staff/alerts/" + id + "/cancel");
		assertThat(StaffBrowser.parse(this.officer.follow(cancelled)).select(".govuk-notification-banner").text())
			.contains("has been cancelled");
		assertThat(status(id)).isEqualTo("CANCELLED");
		HttpResponse<String> again = this.officer.post("/staff/alerts/" + id + "/cancel", csrf(this.officer));
		assertThat(StaffBrowser.parse(this.officer.follow(again)).select(".govuk-notification-banner").text())
			.contains("can no longer be cancelled");
		assertThat(status(id)).isEqualTo("CANCELLED");
	}

	@Test
	void anOfficerCannotReachAnotherNeighbourhoodsAlertsByPageOrByService() {
		long id = draft(this.officer, title(), this.wigston);
		for (String path : List.of("/staff/alerts/" + id, "/staff/alerts/" + id + "/edit",
				"/staff/alerts/" + id + "/preview")) {
			assertThat(this.otherOfficer.get(path).statusCode()).as(path).isEqualTo(404);
		}
		String token = csrf(this.otherOfficer);
		for (String action : List.of("edit", "delete", "send", "cancel", "approve", "return")) {
			assertThat(this.otherOfficer
				.post("/staff/alerts/" + id + "/" + action, token,
						alertFields(title(), "GENERAL", "neighbourhoodIds", id(this.wigston), "version", "0", "when",
								"NOW", "reason", "No"))
				.statusCode()).as(action).isEqualTo(404);
		}
		assertThat(this.otherOfficer.page("/staff/alerts").select("#alerts").text()).doesNotContain(titleOf(id));
		assertThat(status(id)).isEqualTo("DRAFT");

		// Writing to Wigston, or to the whole force, from the page: 404.
		String wigstonTitle = title();
		assertThat(this.otherOfficer
			.submit("/staff/alerts/new", "/staff/alerts/new",
					alertFields(wigstonTitle, "GENERAL", "neighbourhoodIds", id(this.wigston)))
			.statusCode()).isEqualTo(404);
		assertThat(this.otherOfficer
			.submit("/staff/alerts/new", "/staff/alerts/new", alertFields(wigstonTitle, "GENERAL", "reach", "FORCE"))
			.statusCode()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject("select count(*) from alert where title = ?", Integer.class, wigstonTitle))
			.isZero();

		// And from the service.
		StaffUser oadbyOfficer = ActingAs.demo(this.jdbc, "officer.oadby@example.org");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.composing.find(oadbyOfficer, id));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.composing.send(oadbyOfficer, id, this.clock.instant()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.composing.cancel(oadbyOfficer, id));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.composing.create(oadbyOfficer, new AlertDraft(wigstonTitle, "Body",
					AlertTopic.GENERAL, AlertReach.NEIGHBOURHOODS, null, Set.of(this.wigston.id(), this.oadby.id()))));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.composing.create(oadbyOfficer, new AlertDraft(wigstonTitle, "Body",
					AlertTopic.GENERAL, AlertReach.AREA, this.oadby.area().id(), Set.of())));
		assertThat(this.composing.visibleTo(oadbyOfficer)).noneMatch((shown) -> shown.alert().getId() == id);
	}

	@Test
	void aSergeantWritesToEveryOneOfTheirNeighbourhoodsAtOnce() {
		Document form = this.supervisor.page("/staff/alerts/new");
		assertThat(form.getElementById("everyNeighbourhood")).isNotNull();
		assertThat(form.select("input[name=reach][type=radio]")).isEmpty();
		String title = title();
		HttpResponse<String> saved = this.supervisor.submit("/staff/alerts/new", "/staff/alerts/new",
				alertFields(title, "PRIORITIES", "everyNeighbourhood", "true", "action", "save"));
		assertThat(saved.statusCode()).isEqualTo(303);
		long id = alertId(title);
		StaffUser sergeant = ActingAs.demo(this.jdbc, "sergeant@example.org");
		Set<Long> theirs = this.scope.neighbourhoodIdsVisibleTo(sergeant);
		assertThat(theirs).contains(this.wigston.id(), this.oadby.id());
		assertThat(this.alerts.findById(id).orElseThrow().getNeighbourhoodIds())
			.containsExactlyInAnyOrderElementsOf(this.directory.byIds(theirs)
				.stream()
				.filter((n) -> !n.retired())
				.map(NeighbourhoodSummary::id)
				.toList());
		// The Wigston officer sees no alert that reaches beyond Wigston.
		assertThat(this.officer.get("/staff/alerts/" + id).statusCode()).isEqualTo(404);
		// Nor may the sergeant write to the whole force.
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.composing.create(sergeant,
				new AlertDraft(title, "Body", AlertTopic.GENERAL, AlertReach.FORCE, null, Set.of())));
		HttpResponse<String> sent = this.supervisor.submit("/staff/alerts/" + id + "/preview",
				"/staff/alerts/" + id + "/send", "when", "NOW");
		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(status(id)).isEqualTo("SCHEDULED");
	}

	@Test
	void webEditorsWriteToAnAreaAndForceWideAlertsWaitForAnotherPersonsApproval() {
		Document form = this.webEditor.page("/staff/alerts/new");
		assertThat(form.select("input[name=reach]").eachAttr("value")).containsExactly("NEIGHBOURHOODS", "AREA",
				"FORCE");
		String areaTitle = title();
		this.webEditor.submit("/staff/alerts/new", "/staff/alerts/new", alertFields(areaTitle, "APPEALS", "reach",
				"AREA", "areaId", String.valueOf(this.wigston.area().id()), "action", "save"));
		long area = alertId(areaTitle);
		assertThat(this.jdbc.queryForObject("select reach || ' ' || local_policing_area_id from alert where id = ?",
				String.class, area))
			.isEqualTo("AREA " + this.wigston.area().id());
		assertThat(this.signatures.signatureFor(area))
			.isEqualTo("Message sent by Web Editor (demo) (Leicestershire Police, web team, "
					+ this.wigston.area().name() + ")");
		// The area's sergeant sees it; an officer of one of its neighbourhoods does not.
		assertThat(this.supervisor.get("/staff/alerts/" + area).statusCode()).isEqualTo(200);
		assertThat(this.officer.get("/staff/alerts/" + area).statusCode()).isEqualTo(404);

		String forceTitle = title();
		this.webEditor.follow(this.webEditor.submit("/staff/alerts/new", "/staff/alerts/new",
				alertFields(forceTitle, "GENERAL", "reach", "FORCE", "action", "save")));
		long force = alertId(forceTitle);
		assertThat(this.signatures.signatureFor(force)).endsWith("web team, across Leicestershire)");
		assertThat(this.signatures.signaturesFor(force).welsh()).as("the force's names in Welsh")
			.startsWith("Neges a anfonwyd gan Web Editor (demo) (Heddlu Swydd Gaerlŷr, ")
			.endsWith(", ar draws Swydd Gaerlŷr)");
		HttpResponse<String> sent = this.webEditor.submit("/staff/alerts/" + force + "/preview",
				"/staff/alerts/" + force + "/send", "when", "NOW");
		assertThat(StaffBrowser.parse(this.webEditor.follow(sent)).select(".govuk-notification-banner").text())
			.contains("waiting for a second web editor or administrator");
		assertThat(status(force)).isEqualTo("AWAITING_APPROVAL");

		// The author cannot approve it, by page or by service; nor can a sergeant see it.
		assertThat(this.webEditor.page("/staff/alerts/" + force).select("form[action$=\"/approve\"]")).isEmpty();
		assertThat(this.webEditor.post("/staff/alerts/" + force + "/approve", csrf(this.webEditor)).statusCode())
			.isEqualTo(404);
		StaffUser editor = ActingAs.demo(this.jdbc, "webeditor@example.org");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.composing.approve(editor, force));
		assertThat(this.supervisor.get("/staff/alerts/" + force).statusCode()).isEqualTo(404);
		assertThat(status(force)).isEqualTo("AWAITING_APPROVAL");

		// An administrator returns it with a reason, which its author reads.
		HttpResponse<String> returned = this.admin.submit("/staff/alerts/" + force,
				"/staff/alerts/" + force + "/return", "reason", "Check the date of the meeting first");
		assertThat(returned.statusCode()).isEqualTo(303);
		assertThat(status(force)).isEqualTo("DRAFT");
		assertThat(this.webEditor.page("/staff/alerts/" + force).select("#returned-reason").text())
			.contains("Check the date of the meeting first");

		// Sent again, an administrator approves it: scheduled, and announced.
		this.webEditor.submit("/staff/alerts/" + force + "/preview", "/staff/alerts/" + force + "/send", "when", "NOW");
		assertThat(status(force)).isEqualTo("AWAITING_APPROVAL");
		HttpResponse<String> approved = this.admin.submit("/staff/alerts/" + force,
				"/staff/alerts/" + force + "/approve");
		assertThat(approved.statusCode()).isEqualTo(303);
		assertThat(status(force)).isEqualTo("SCHEDULED");
		long adminId = ActingAs.demo(this.jdbc, "admin@example.org").id();
		assertThat(this.jdbc.queryForObject("select approved_by_id from alert where id = ?", Long.class, force))
			.isEqualTo(adminId);
	}

	@Test
	void withoutApprovalAForceWideAlertIsScheduledAtOnceAndAnnouncedAfterCommit() {
		StaffUser editor = ActingAs.demo(this.jdbc, "webeditor@example.org");
		AlertProperties withoutApproval = new AlertProperties(Duration.ofDays(7), 10, Duration.ofHours(1), 3,
				Duration.ofHours(24), Duration.ofSeconds(2), Duration.ofSeconds(2), 1000, 3, false, Duration.ofDays(60),
				Duration.ZERO);
		AlertComposing noApproval = new AlertComposing(this.alerts, this.access, this.accounts, withoutApproval,
				this.publisher, this.clock);
		long id = this.transactions.execute((status) -> noApproval.create(editor,
				new AlertDraft(title(), "To everyone", AlertTopic.GENERAL, AlertReach.FORCE, null, Set.of())));
		this.events.clear();

		AlertComposing.Sent sent = this.transactions.execute((status) -> {
			AlertComposing.Sent result = noApproval.send(editor, id, this.clock.instant());
			// Not before the commit.
			assertThat(this.events.stream(AlertScheduled.class)).isEmpty();
			return result;
		});

		assertThat(sent).isEqualTo(AlertComposing.Sent.SCHEDULED);
		assertThat(status(id)).isEqualTo("SCHEDULED");
		assertThat(this.events.stream(AlertScheduled.class)).containsExactly(new AlertScheduled(id));
	}

	@Test
	void theServiceAnnouncesAnAlertWhenItIsScheduled() {
		StaffUser wigstonOfficer = ActingAs.demo(this.jdbc, "officer.wigston@example.org");
		long id = this.composing.create(wigstonOfficer, new AlertDraft(title(), "Body", AlertTopic.GENERAL,
				AlertReach.NEIGHBOURHOODS, null, Set.of(this.wigston.id())));
		this.events.clear();
		assertThat(this.composing.send(wigstonOfficer, id, this.clock.instant().plus(Duration.ofHours(2))))
			.isEqualTo(AlertComposing.Sent.SCHEDULED);
		assertThat(this.events.stream(AlertScheduled.class)).containsExactly(new AlertScheduled(id));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> {
			long far = this.composing.create(wigstonOfficer, new AlertDraft(title(), "Body", AlertTopic.GENERAL,
					AlertReach.NEIGHBOURHOODS, null, Set.of(this.wigston.id())));
			this.composing.send(wigstonOfficer, far, this.clock.instant().plus(Duration.ofDays(61)));
		});
	}

	@Test
	void theDataProtectionDeskAndAnonymousVisitorsCannotReachAlerts() {
		for (String path : List.of("/staff/alerts", "/staff/alerts/new", "/staff/alerts/subscribers",
				"/staff/alerts/subscribers/" + this.wigston.id())) {
			assertThat(this.dpo.get(path).statusCode()).as(path).isEqualTo(403);
			HttpResponse<String> anonymous = StaffBrowser.on(this.environment).get(path);
			assertThat(anonymous.statusCode()).as(path).isBetween(302, 303);
			assertThat(StaffBrowser.location(anonymous)).contains("/staff/sign-in");
		}
		StaffUser dpoUser = ActingAs.demo(this.jdbc, "dpo@example.org");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.composing.create(dpoUser, new AlertDraft(title(), "Body", AlertTopic.GENERAL,
					AlertReach.NEIGHBOURHOODS, null, Set.of(this.wigston.id()))));
		assertThat(this.composing.visibleTo(dpoUser)).isEmpty();
		assertThat(this.officer.page("/staff").select("#staff-tasks a[href=\"/staff/alerts\"]")).hasSize(1);
		assertThat(this.dpo.page("/staff").select("#staff-tasks a[href=\"/staff/alerts\"]")).isEmpty();
	}

	@Test
	void administratorsSeeAndMayChangeEveryDraft() {
		long id = draft(this.officer, title(), this.wigston);
		assertThat(this.admin.page("/staff/alerts").select("#alerts").text()).contains(titleOf(id));
		HttpResponse<String> edited = this.admin.submit("/staff/alerts/" + id + "/edit",
				"/staff/alerts/" + id + "/edit", alertFields(titleOf(id) + " (edited)", "GENERAL", "reach",
						"NEIGHBOURHOODS", "neighbourhoodIds", id(this.wigston), "version", "0", "action", "save"));
		assertThat(edited.statusCode()).isEqualTo(303);
		assertThat(titleOf(id)).endsWith("(edited)");
		// The signature stays the author's.
		assertThat(this.signatures.signatureFor(id)).startsWith("Message sent by PC Jo Wigston (demo)");
	}

	@Test
	void officersSeeSubscriberCountsOnlyAndEveryViewOfAddressesIsRecorded() {
		String email = "staff-alerts-it-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long subscriber = this.jdbc.queryForObject(
				"insert into alert_subscriber (email, created_at) values (?, now()) returning id", Long.class, email);
		this.jdbc.update("""
				insert into alert_subscription (alert_subscriber_id, neighbourhood_id, categories, confirmed_at,
				                                requested_at)
				values (?, ?, '{EVENTS,APPEALS}', now(), now())""", subscriber, this.wigston.id());
		int subscribers = this.jdbc.queryForObject(
				"select count(*) from alert_subscription where neighbourhood_id = ? and confirmed_at is not null",
				Integer.class, this.wigston.id());

		Document counts = this.officer.page("/staff/alerts/subscribers");
		assertThat(counts.select("#subscriber-counts tbody tr").first().text()).startsWith("Wigston " + subscribers);
		assertThat(counts.text()).doesNotContain(email);
		assertThat(counts.select("a[href^=\"/staff/alerts/subscribers/\"]")).isEmpty();
		assertThat(counts.select("#address-views")).isEmpty();
		assertThat(this.officer.get("/staff/alerts/subscribers/" + this.wigston.id()).statusCode()).isEqualTo(403);
		assertThat(this.supervisor.get("/staff/alerts/subscribers/" + this.wigston.id()).statusCode()).isEqualTo(403);
		// Below the web rules too: the service shows addresses to no one else.
		StaffUser wigstonOfficer = ActingAs.demo(this.jdbc, "officer.wigston@example.org");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.subscriberList.addresses(wigstonOfficer, this.wigston));

		int viewsBefore = this.jdbc.queryForObject("select count(*) from alert_subscriber_list_view", Integer.class);
		Document addresses = this.webEditor.page("/staff/alerts/subscribers/" + this.wigston.id());
		assertThat(addresses.select("#addresses").text()).contains(email);
		assertThat(this.jdbc.queryForObject("select count(*) from alert_subscriber_list_view", Integer.class))
			.isEqualTo(viewsBefore + 1);
		assertThat(this.jdbc.queryForObject("""
				select addresses_shown from alert_subscriber_list_view
				where neighbourhood_id = ? order by id desc limit 1""", Integer.class, this.wigston.id()))
			.isEqualTo(subscribers);
		Document audited = this.webEditor.page("/staff/alerts/subscribers");
		assertThat(audited.select("#address-views tbody tr").first().text()).contains("Web Editor (demo)")
			.contains("Wigston");
	}

	private long draft(StaffBrowser browser, String title, NeighbourhoodSummary neighbourhood) {
		HttpResponse<String> saved = browser.submit("/staff/alerts/new", "/staff/alerts/new",
				alertFields(title, "GENERAL", "neighbourhoodIds", id(neighbourhood), "action", "save"));
		assertThat(saved.statusCode()).isEqualTo(303);
		return alertId(title);
	}

	private static String[] alertFields(String title, String topic, String... more) {
		List<String> fields = new java.util.ArrayList<>(List.of("title", title, "body",
				"Come to the beat surgery on Tuesday.\n\nDetails: https://example.org/surgery.", "topic", topic));
		fields.addAll(List.of(more));
		return fields.toArray(String[]::new);
	}

	private static String csrf(StaffBrowser browser) {
		return StaffBrowser.csrfToken(browser.page("/staff/alerts"), "/staff/sign-out");
	}

	private static String id(NeighbourhoodSummary neighbourhood) {
		return String.valueOf(neighbourhood.id());
	}

	private static String title() {
		return PREFIX + UUID.randomUUID().toString().substring(0, 8);
	}

	private long alertId(String title) {
		return this.jdbc.queryForObject("select id from alert where title = ?", Long.class, title);
	}

	private String titleOf(long id) {
		return this.jdbc.queryForObject("select title from alert where id = ?", String.class, id);
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from alert where id = ?", String.class, id);
	}

}
