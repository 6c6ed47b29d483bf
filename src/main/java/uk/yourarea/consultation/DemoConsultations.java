package uk.yourarea.consultation;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;

/**
 * Demo consultations, once the demo force is loaded (so after every application runner):
 * one open in Wigston with a few answers, one closed in Oadby with confirmed answers and
 * approved concerns, so that the Your Area page shows "What you told us".
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "yourarea.demo.load", havingValue = "true")
class DemoConsultations {

	static final String WIGSTON = "NA54";

	static final String OADBY = "NA55";

	private static final Logger log = LoggerFactory.getLogger(DemoConsultations.class);

	private static final SecureRandom TOKENS = new SecureRandom();

	private final ConsultationRepository consultations;

	private final Consultations service;

	private final ConsultationDates dates;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final NeighbourhoodDirectory neighbourhoods;

	DemoConsultations(ConsultationRepository consultations, Consultations service, ConsultationDates dates,
			JdbcTemplate jdbc, TransactionTemplate transaction, NeighbourhoodDirectory neighbourhoods) {
		this.consultations = consultations;
		this.service = service;
		this.dates = dates;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.neighbourhoods = neighbourhoods;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		Long existing = this.jdbc.queryForObject("select count(*) from consultation", Long.class);
		Optional<Long> wigston = neighbourhood(WIGSTON);
		Optional<Long> oadby = neighbourhood(OADBY);
		if (existing == null || existing > 0 || wigston.isEmpty() || oadby.isEmpty()) {
			return;
		}
		this.transaction.executeWithoutResult((status) -> {
			LocalDate today = this.dates.today();
			Consultation closed = consultation(oadby.get(), "Oadby", today.minusDays(40), today.minusDays(10));
			answers(closed, 48, new Random(55), today.minusDays(40));
			concern(closed, "Cars parked on the pavement near the primary school at drop-off time, so people with"
					+ " pushchairs have to walk in the road.", "APPROVED", today.minusDays(30));
			concern(closed, "Groups riding e-scooters fast through the precinct in the evenings.", "APPROVED",
					today.minusDays(25));
			concern(closed, "Someone keeps leaving rubbish by the garages.", "REJECTED", today.minusDays(20));
			Consultation open = consultation(wigston.get(), "Wigston", today.minusDays(3), today.plusDays(25));
			answers(open, 6, new Random(54), today.minusDays(3));
			concern(open, "Motorbikes on the Horsewell Lane recreation ground after dark.", "PENDING",
					today.minusDays(1));
		});
		log.info("Demo consultations loaded: one open in Wigston, one closed in Oadby");
	}

	private Optional<Long> neighbourhood(String code) {
		return this.neighbourhoods.byCode(code).map(NeighbourhoodSummary::id);
	}

	private Consultation consultation(long neighbourhoodId, String name, LocalDate opensOn, LocalDate closesOn) {
		return this.consultations.saveAndFlush(new Consultation(neighbourhoodId, this.service.suggestedQuestion(name),
				this.service.suggestedIssues(neighbourhoodId), this.dates.startOf(opensOn), this.dates.endOf(closesOn),
				this.dates.startOf(opensOn)));
	}

	/**
	 * Confirmed answers spread over the first days, each choosing one to three issues.
	 */
	private void answers(Consultation consultation, int count, Random random, LocalDate from) {
		List<ConsultationIssue> issues = consultation.getIssues();
		for (int i = 0; i < count; i++) {
			Instant at = this.dates.startOf(from).plus(Duration.ofHours(9 + random.nextInt(24 * 3)));
			long id = response(consultation, random.nextInt(5) == 0 ? "BUSINESS" : "RESIDENT", null, null, at);
			int chosen = 1 + random.nextInt(3);
			// Earlier issues (the open priorities) are chosen more often, as people
			// would.
			random.ints(0, issues.size())
				.map((n) -> Math.min(n, random.nextInt(issues.size())))
				.distinct()
				.limit(chosen)
				.forEach((n) -> this.jdbc.update(
						"insert into consultation_response_issue (consultation_response_id, consultation_issue_id) values (?, ?)",
						id, issues.get(n).getId()));
		}
	}

	private void concern(Consultation consultation, String text, String status, LocalDate on) {
		response(consultation, "RESIDENT", text, status, this.dates.startOf(on).plus(Duration.ofHours(19)));
	}

	private long response(Consultation consultation, String type, String concern, String status, Instant at) {
		byte[] hash = new byte[32];
		TOKENS.nextBytes(hash);
		Long id = this.jdbc.queryForObject("""
				insert into consultation_response (consultation_id, email, respondent_type, concern, concern_status,
				    submitted_at, confirmed_at, token_hash, token_expires_at, idempotency_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, consultation.getId(),
				"demo-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org", type, concern, status,
				Timestamp.from(at.minus(Duration.ofMinutes(5))), Timestamp.from(at), hash,
				Timestamp.from(at.plus(Duration.ofDays(7))), UUID.randomUUID().toString().replace("-", ""));
		return (id != null) ? id : 0;
	}

}
