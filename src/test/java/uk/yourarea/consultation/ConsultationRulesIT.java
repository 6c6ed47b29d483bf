package uk.yourarea.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.personaldata.RetentionProperties;
import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.MutableClock;
import uk.yourarea.web.FormStamps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules that depend on time, with time moved by hand: links expire after 7 days, a
 * consultation opens and closes by itself, and an answer cannot be confirmed once it has
 * closed. Also what the database itself refuses, whatever the application does.
 */
@SpringBootTest(properties = "yourarea.mail.relay-enabled=false")
@ActiveProfiles("demo")
class ConsultationRulesIT {

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(now(), ZoneId.of("Europe/London"));
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	HaveYourSay haveYourSay;

	@Autowired
	FormStamps stamps;

	@Autowired
	Consultations consultations;

	@Autowired
	NeighbourhoodDirectory neighbourhoods;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConsultationPersonalData personalData;

	@Autowired
	RetentionProperties retention;

	private ActingAs acting;

	@BeforeEach
	void actAsTheAdministrator() {
		this.acting = ActingAs.staff(admin());
	}

	@AfterEach
	void stopActing() {
		this.acting.close();
	}

	@Test
	void aLinkWorksForSevenDaysThenSaysItHasExpired() {
		this.clock.set(now());
		NeighbourhoodSummary valley = neighbourhood("valley");
		Consultation consultation = open(valley, 0, 30);
		String email = uniqueEmail();
		String token = answer(valley, consultation, email);

		this.clock.advance(Duration.ofDays(7).minusMinutes(1));
		assertThat(this.haveYourSay.check(token)).isInstanceOf(HaveYourSay.Link.Valid.class);

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.haveYourSay.check(token)).isInstanceOf(HaveYourSay.Link.Expired.class);
		assertThat(this.haveYourSay.confirm(token)).isInstanceOf(HaveYourSay.Link.Expired.class);
		assertThat(confirmed(email)).isFalse();
		assertThat(this.consultations.results(consultation).confirmed()).isZero();
		assertThat(this.consultations.results(consultation).waiting()).as("an expired link waits for nothing").isZero();
	}

	@Test
	void anAnswerCannotBeConfirmedOnceTheConsultationHasClosed() {
		this.clock.set(now());
		NeighbourhoodSummary forest = neighbourhood("forest");
		Consultation consultation = open(forest, 0, 2);
		String email = uniqueEmail();
		String token = answer(forest, consultation, email);
		assertThat(this.consultations.results(consultation).waiting()).isEqualTo(1);

		this.clock.advance(Duration.ofDays(3));

		assertThat(this.haveYourSay.openIn(forest.id())).isEmpty();
		assertThat(this.haveYourSay.confirm(token)).isInstanceOf(HaveYourSay.Link.Closed.class);
		assertThat(confirmed(email)).isFalse();
	}

	@Test
	void aScheduledConsultationOpensAndClosesByItself() {
		this.clock.set(now());
		NeighbourhoodSummary ashby = neighbourhood("ashby");
		Consultation consultation = open(ashby, 2, 5);
		Instant opens = startOfDayIn(2);
		Instant closes = startOfDayIn(6);

		assertThat(this.haveYourSay.openIn(ashby.id())).isEmpty();
		assertThat(this.haveYourSay.nextIn(ashby.id())).map(Consultation::getId).hasValue(consultation.getId());
		assertThat(this.consultations.closeEarly(admin(), ashby, consultation.getId()))
			.as("a consultation not open yet cannot be closed early")
			.isFalse();

		this.clock.set(opens);
		assertThat(this.haveYourSay.openIn(ashby.id())).map(Consultation::getId).hasValue(consultation.getId());

		this.clock.set(closes.minusMillis(1));
		assertThat(this.haveYourSay.openIn(ashby.id())).isPresent();
		this.clock.set(closes);
		assertThat(this.haveYourSay.openIn(ashby.id())).as("closed at the end of its closing day").isEmpty();
	}

	@Test
	void theDatabaseRefusesTwoConsultationsOpenAtOnceInOneNeighbourhood() {
		this.clock.set(now());
		NeighbourhoodSummary coalville = neighbourhood("coalville-town");
		Consultation first = open(coalville, 0, 10);

		assertThatExceptionOfType(Consultations.Overlapping.class).isThrownBy(() -> open(coalville, 10, 20))
			.satisfies((ex) -> assertThat(ex.explanation()).startsWith("Coalville Town already has a consultation"));
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update("""
				insert into consultation (neighbourhood_id, question, opens_at, closes_at, created_at)
				values (?, 'Sneaked in?', ?, ?, now())""", coalville.id(),
				java.sql.Timestamp.from(first.getClosesAt().minusSeconds(1)),
				java.sql.Timestamp.from(first.getClosesAt().plus(Duration.ofDays(5)))));

		Consultation next = open(coalville, 11, 20);
		assertThat(next.getOpensAt()).as("the next may open the moment the first closes")
			.isEqualTo(first.getClosesAt());
		Consultation elsewhere = open(neighbourhood("bardon-hill"), 0, 10);
		assertThat(elsewhere.getId()).isNotNull();
	}

	@Test
	void theDatabaseKeepsOneConfirmedAnswerPerEmailAddress() {
		this.clock.set(now());
		Consultation consultation = open(neighbourhood("birstall"), 0, 10);
		String insert = """
				insert into consultation_response (consultation_id, email, respondent_type, submitted_at,
				    confirmed_at, token_hash, token_expires_at, idempotency_key)
				values (?, 'twice@example.org', 'RESIDENT', now(), now(), ?, now() + interval '7 days', ?)""";
		this.jdbc.update(insert, consultation.getId(), UUID.randomUUID().toString().getBytes(),
				UUID.randomUUID().toString());

		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update(insert,
				consultation.getId(), UUID.randomUUID().toString().getBytes(), UUID.randomUUID().toString()));
	}

	@Test
	void personalDataIsKeptOnlyAsLongAsItIsNeeded() {
		this.clock.set(now());
		NeighbourhoodSummary loughborough = neighbourhood("loughborough-east");
		Consultation consultation = open(loughborough, 0, 10);
		String unconfirmed = uniqueEmail();
		answer(loughborough, consultation, unconfirmed);
		String kept = uniqueEmail();
		assertThat(this.haveYourSay.confirm(answer(loughborough, consultation, kept)))
			.isInstanceOf(HaveYourSay.Link.Confirmed.class);

		this.clock.advance(Duration.ofDays(7).minusMinutes(1));
		this.personalData.applyRetention(this.retention, this.clock.instant());
		assertThat(count("select count(*) from consultation_response where email = ?", unconfirmed)).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(1));
		this.personalData.applyRetention(this.retention, this.clock.instant());
		assertThat(count("select count(*) from consultation_response where email = ?", unconfirmed))
			.as("an answer never confirmed goes when its link expires")
			.isZero();

		Instant closes = consultation.getClosesAt();
		this.clock.set(closes.plus(Duration.ofDays(30)).minusSeconds(1));
		this.personalData.applyRetention(this.retention, this.clock.instant());
		assertThat(count("select count(*) from consultation_response where email = ?", kept)).isEqualTo(1);

		this.clock.set(closes.plus(Duration.ofDays(30)));
		this.personalData.applyRetention(this.retention, this.clock.instant());
		assertThat(count("select count(*) from consultation_response where email = ?", kept))
			.as("the email address is erased 30 days after closing")
			.isZero();
		assertThat(this.consultations.results(consultation).confirmed()).as("the answer still counts").isEqualTo(1);
	}

	/**
	 * Now, to the millisecond: PostgreSQL keeps microseconds, rounding anything finer.
	 */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private long count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Long.class, arguments);
	}

	private Consultation open(NeighbourhoodSummary neighbourhood, int opensInDays, int closesInDays) {
		LocalDate today = LocalDate.now(this.clock);
		long id = this.consultations.open(admin(), neighbourhood, "Which issues?", List.of("Speeding", "Burglary"),
				today.plusDays(opensInDays), today.plusDays(closesInDays));
		return this.consultations.find(neighbourhood.id(), id);
	}

	private String answer(NeighbourhoodSummary neighbourhood, Consultation consultation, String email) {
		HaveYourSayForm form = new HaveYourSayForm(consultation.getId(),
				List.of(consultation.getIssues().get(0).getId()), null, ConsultationResponse.RespondentType.RESIDENT,
				"LE1 1AA", email, null, this.stamps.at(this.clock.instant().minusSeconds(10)),
				UUID.randomUUID().toString().replace("-", ""));
		this.haveYourSay.answer(neighbourhood, consultation, form, "198.51.100." + (email.hashCode() & 0xff));
		String body = this.jdbc.queryForObject("select body from outbox_email where to_address = ?", String.class,
				email);
		String link = HaveYourSayIT.link(body);
		return link.substring(link.lastIndexOf('/') + 1);
	}

	private boolean confirmed(String email) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select confirmed_at is not null from consultation_response where email = ?", Boolean.class, email));
	}

	private Instant startOfDayIn(int days) {
		return LocalDate.now(this.clock).plusDays(days).atStartOfDay(this.clock.getZone()).toInstant();
	}

	private NeighbourhoodSummary neighbourhood(String slug) {
		return this.neighbourhoods.liveBySlug(slug).orElseThrow();
	}

	private StaffUser admin() {
		long id = this.jdbc.queryForObject("select id from staff_account where email = 'admin@example.org'",
				Long.class);
		return new StaffUser(id, "Test Administrator", "admin@example.org", EnumSet.of(StaffRole.ADMIN), Set.of(),
				Set.of());
	}

	private static String uniqueEmail() {
		return "rules-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
