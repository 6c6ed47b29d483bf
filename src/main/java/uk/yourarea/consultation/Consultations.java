package uk.yourarea.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffUser;
import uk.yourarea.security.WithinStaffScope;
import uk.yourarea.web.CsvFile;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.Phrase;

/**
 * What neighbourhood teams do with consultations: open one, close it early, read the
 * results and decide which free-text concerns may be shown. Every change is recorded in
 * the change log in the same transaction.
 */
@Service
class Consultations {

	static final String SUBJECT_TYPE = "consultation";

	/** Offered in every consultation, after the neighbourhood's open priorities. */
	/**
	 * The keys of the concerns people raise everywhere, offered on every new
	 * consultation.
	 */
	static final List<String> COMMON_CONCERNS = List.of("consultation.staff.new.common.anti-social-behaviour",
			"consultation.staff.new.common.speeding", "consultation.staff.new.common.drugs",
			"consultation.staff.new.common.burglary", "consultation.staff.new.common.shoplifting",
			"consultation.staff.new.common.vehicle-crime");

	static final int MAX_ISSUES = 15;

	static final int MAX_ISSUE_LENGTH = 100;

	/** Another consultation's dates overlap the ones chosen. */
	static class Overlapping extends RuntimeException {

		private final String explanation;

		Overlapping(String explanation) {
			super(explanation, null, false, false);
			this.explanation = explanation;
		}

		String explanation() {
			return this.explanation;
		}

	}

	/** The concern was already approved or rejected by someone else. */
	static class AlreadyModerated extends RuntimeException {

		AlreadyModerated() {
			super("Already moderated", null, false, false);
		}

	}

	record Listed(long id, String question, String state, String opens, String closes, boolean open) {
	}

	record IssueCount(String label, long residents, long businesses) {

		public long total() {
			return this.residents + this.businesses;
		}

	}

	record Concern(long responseId, String text, String status, String respondent, boolean edited) {
	}

	record Results(long residents, long businesses, long waiting, List<IssueCount> issues, List<Concern> concerns) {

		public long confirmed() {
			return this.residents + this.businesses;
		}

	}

	private final ConsultationRepository consultations;

	private final ConsultationResponseRepository responses;

	private final ConsultationDates dates;

	private final ChangeLog changeLog;

	private final JdbcTemplate jdbc;

	private final OpenPriorities openPriorities;

	private final MessageSource messages;

	Consultations(ConsultationRepository consultations, ConsultationResponseRepository responses,
			ConsultationDates dates, ChangeLog changeLog, JdbcTemplate jdbc, OpenPriorities openPriorities,
			MessageSource messages) {
		this.messages = messages;
		this.consultations = consultations;
		this.responses = responses;
		this.dates = dates;
		this.changeLog = changeLog;
		this.jdbc = jdbc;
		this.openPriorities = openPriorities;
	}

	/**
	 * The issues a new consultation starts with: the neighbourhood's open priorities,
	 * then the concerns people raise everywhere, each once. Open to every caller (the
	 * demo data uses it too): it holds only what the public pages show.
	 */
	@Transactional(readOnly = true)
	List<String> suggestedIssues(long neighbourhoodId) {
		List<String> suggested = new ArrayList<>(this.openPriorities.openIssues(neighbourhoodId));
		COMMON_CONCERNS.forEach((key) -> suggested.add(text(key)));
		return distinct(suggested.stream().map(String::strip).filter((issue) -> !issue.isEmpty()).toList());
	}

	/** Each issue once, ignoring case, in the order first given. */
	static List<String> distinct(List<String> issues) {
		Map<String, String> byKey = new LinkedHashMap<>();
		issues.forEach((issue) -> byKey.putIfAbsent(issue.toLowerCase(Locale.UK), issue));
		return List.copyOf(byKey.values());
	}

	@WithinStaffScope
	@Transactional(readOnly = true)
	List<Listed> list(long neighbourhoodId) {
		Instant now = this.dates.now();
		return this.consultations.findByNeighbourhoodIdOrderByOpensAtDesc(neighbourhoodId)
			.stream()
			.map((consultation) -> new Listed(consultation.getId(), consultation.getQuestion(),
					text(consultation.stateAt(now).labelKey()), this.dates.day(this.dates.openingDay(consultation)),
					this.dates.closing(consultation), consultation.stateAt(now) == Consultation.State.OPEN))
			.toList();
	}

	/** The consultation, if it is one of this neighbourhood's; otherwise a 404. */
	@WithinStaffScope
	@Transactional(readOnly = true)
	Consultation find(long neighbourhoodId, long consultationId) {
		Consultation consultation = this.consultations.findWithIssuesById(consultationId)
			.filter((found) -> found.getNeighbourhoodId() == neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No consultation " + consultationId));
		consultation.getIssues().size();
		return consultation;
	}

	/**
	 * Opens (or schedules) a consultation.
	 * @throws Overlapping if another consultation of the neighbourhood is open on any of
	 * the days chosen
	 */
	@WithinStaffScope
	@Transactional
	long open(StaffUser by, NeighbourhoodSummary neighbourhood, String question, List<String> issues, LocalDate opensOn,
			LocalDate closesOn) {
		Instant opensAt = this.dates.startOf(opensOn);
		Instant closesAt = this.dates.endOf(closesOn);
		List<Consultation> overlapping = this.consultations.findOverlapping(neighbourhood.id(), opensAt, closesAt);
		if (!overlapping.isEmpty()) {
			throw overlap(neighbourhood, overlapping.get(0));
		}
		Consultation consultation = new Consultation(neighbourhood.id(), question.strip(), issues, opensAt, closesAt,
				this.dates.now());
		try {
			this.consultations.saveAndFlush(consultation);
		}
		catch (DataIntegrityViolationException ex) {
			// Someone opened one for the same days at the same moment: the database said
			// no.
			throw new Overlapping(text("consultation.staff.new.overlapping-days", neighbourhood.name()));
		}
		this.changeLog.record(by, subject(consultation, neighbourhood), "change.action.opened-consultation",
				Snapshot.nothing(), snapshot(consultation));
		return consultation.getId();
	}

	private Overlapping overlap(NeighbourhoodSummary neighbourhood, Consultation existing) {
		return new Overlapping(text("consultation.staff.new.overlapping", neighbourhood.name(),
				this.dates.shortDay(this.dates.openingDay(existing)),
				this.dates.shortDay(this.dates.closingDay(existing))));
	}

	/**
	 * Closes an open consultation now. Returns false, changing nothing, if it was not
	 * open (someone else closed it, or it closed by itself).
	 */
	@WithinStaffScope
	@Transactional
	boolean closeEarly(StaffUser by, NeighbourhoodSummary neighbourhood, long consultationId) {
		Consultation consultation = find(neighbourhood.id(), consultationId);
		Instant now = this.dates.now();
		if (consultation.stateAt(now) != Consultation.State.OPEN) {
			return false;
		}
		Snapshot before = snapshot(consultation);
		consultation.closeEarly(now);
		this.consultations.saveAndFlush(consultation);
		this.changeLog.record(by, subject(consultation, neighbourhood), "change.action.closed-early", before,
				snapshot(consultation));
		return true;
	}

	@WithinStaffScope
	@Transactional(readOnly = true)
	Results results(Consultation consultation) {
		long id = consultation.getId();
		List<IssueCount> issues = this.jdbc.query("""
				select i.label,
				       count(r.id) filter (where r.respondent_type = 'RESIDENT') as residents,
				       count(r.id) filter (where r.respondent_type = 'BUSINESS') as businesses
				from consultation_issue i
				left join consultation_response_issue ri on ri.consultation_issue_id = i.id
				left join consultation_response r on r.id = ri.consultation_response_id and r.confirmed_at is not null
				where i.consultation_id = ?
				group by i.id, i.label, i.position
				order by i.position""",
				(row, n) -> new IssueCount(row.getString("label"), row.getLong("residents"), row.getLong("businesses")),
				id);
		Map<String, Object> totals = this.jdbc.queryForMap("""
				select count(*) filter (where confirmed_at is not null and respondent_type = 'RESIDENT') as residents,
				       count(*) filter (where confirmed_at is not null and respondent_type = 'BUSINESS') as businesses,
				       count(*) filter (where confirmed_at is null and token_expires_at > ?) as waiting
				from consultation_response where consultation_id = ?""", java.sql.Timestamp.from(this.dates.now()), id);
		List<Concern> concerns = this.jdbc.query("""
				select id, concern, concern_status, respondent_type, concern_edited
				from consultation_response
				where consultation_id = ? and confirmed_at is not null and concern is not null
				order by confirmed_at, id""", (row, n) -> new Concern(row.getLong("id"), row.getString("concern"),
				text(ConsultationResponse.ConcernStatus.valueOf(row.getString("concern_status")).labelKey()),
				text(ConsultationResponse.RespondentType.valueOf(row.getString("respondent_type")).staffLabelKey()),
				row.getBoolean("concern_edited")), id);
		boolean open = consultation.stateAt(this.dates.now()) == Consultation.State.OPEN;
		return new Results(((Number) totals.get("residents")).longValue(),
				((Number) totals.get("businesses")).longValue(),
				open ? ((Number) totals.get("waiting")).longValue() : 0, issues, concerns);
	}

	/**
	 * The confirmed answers as a spreadsheet: one row per answer, no email address and
	 * nothing else that could identify who gave it. Own concerns are included only once
	 * approved (with any personal details already taken out).
	 */
	@WithinStaffScope
	@Transactional(readOnly = true)
	String csv(Consultation consultation) {
		List<ConsultationIssue> issues = consultation.getIssues();
		List<String> header = new ArrayList<>(
				List.of(text("consultation.csv.answer"), text("consultation.csv.confirmed-on"),
						text("consultation.csv.lives-or-works-here"), text("consultation.csv.issues-chosen")));
		issues.forEach((issue) -> header.add(issue.getLabel()));
		header.add(text("consultation.csv.own-concern"));
		String yes = text("consultation.csv.yes");
		String no = text("consultation.csv.no");
		CsvFile csv = new CsvFile().row(header);
		List<Object[]> rows = this.jdbc.query("""
				select r.id, r.confirmed_at, r.respondent_type, r.concern, r.concern_status,
				       coalesce(array_agg(ri.consultation_issue_id) filter (where ri.consultation_issue_id is not null),
				                '{}') as issue_ids
				from consultation_response r
				left join consultation_response_issue ri on ri.consultation_response_id = r.id
				where r.consultation_id = ? and r.confirmed_at is not null
				group by r.id order by r.confirmed_at, r.id""",
				(row, n) -> new Object[] { row.getTimestamp("confirmed_at").toInstant(),
						row.getString("respondent_type"), row.getString("concern"), row.getString("concern_status"),
						java.util.Arrays.asList((Long[]) row.getArray("issue_ids").getArray()) },
				consultation.getId());
		int number = 0;
		for (Object[] row : rows) {
			number++;
			@SuppressWarnings("unchecked")
			List<Long> chosen = (List<Long>) row[4];
			List<String> fields = new ArrayList<>();
			fields.add(Integer.toString(number));
			fields.add(this.dates.dayOf((Instant) row[0]).toString());
			fields.add(text(ConsultationResponse.RespondentType.valueOf((String) row[1]).staffLabelKey()));
			fields.add(issues.stream()
				.filter((issue) -> chosen.contains(issue.getId()))
				.map(ConsultationIssue::getLabel)
				.collect(Collectors.joining("; ")));
			issues.forEach((issue) -> fields.add(chosen.contains(issue.getId()) ? yes : no));
			fields.add(concernForCsv((String) row[2], (String) row[3]));
			csv.row(fields);
		}
		return csv.toString();
	}

	private String concernForCsv(@Nullable String concern, @Nullable String status) {
		if (concern == null || status == null) {
			return "";
		}
		return switch (ConsultationResponse.ConcernStatus.valueOf(status)) {
			case APPROVED -> concern;
			case PENDING -> text("consultation.csv.concern-waiting");
			case REJECTED -> text("consultation.csv.concern-rejected");
		};
	}

	/** Confirmed answers whose own concern waits for a decision, oldest first. */
	@WithinStaffScope
	@Transactional(readOnly = true)
	List<ConsultationResponse> pendingConcerns(Consultation consultation) {
		return this.responses.findByConsultationIdAndConcernStatusAndConfirmedAtIsNotNullOrderByConfirmedAtAsc(
				consultation.getId(), ConsultationResponse.ConcernStatus.PENDING);
	}

	/**
	 * Lets a concern be shown publicly as {@code text}. Only that it was approved, and
	 * the words shown, are recorded: the words as first written may hold personal
	 * details, so they are replaced, never logged.
	 * @throws AlreadyModerated if someone else decided first
	 */
	@WithinStaffScope
	@Transactional
	void approveConcern(StaffUser by, NeighbourhoodSummary neighbourhood, Consultation consultation, long responseId,
			String text) {
		ConsultationResponse response = pendingResponse(neighbourhood, consultation, responseId);
		response.approveConcern(text, by.id(), this.dates.now());
		this.responses.saveAndFlush(response);
		this.changeLog.record(by, subject(consultation, neighbourhood),
				response.isConcernEdited() ? "change.action.approved-concern-edited" : "change.action.approved-concern",
				Snapshot.of().with(concern(responseId), Phrase.of("change.value.waiting-for-decision")).build(),
				Snapshot.of()
					.with(concern(responseId), Phrase.of("change.value.shown-as", response.getConcern()))
					.build());
	}

	/** Keeps a concern off the public pages; nothing of its words is recorded. */
	@WithinStaffScope
	@Transactional
	void rejectConcern(StaffUser by, NeighbourhoodSummary neighbourhood, Consultation consultation, long responseId) {
		ConsultationResponse response = pendingResponse(neighbourhood, consultation, responseId);
		response.rejectConcern(by.id(), this.dates.now());
		this.responses.saveAndFlush(response);
		this.changeLog.record(by, subject(consultation, neighbourhood), "change.action.rejected-concern",
				Snapshot.of().with(concern(responseId), Phrase.of("change.value.waiting-for-decision")).build(),
				Snapshot.of().with(concern(responseId), Phrase.of("change.value.not-shown")).build());
	}

	/** The label of one concern in the change records: "Concern 42". */
	private static Phrase concern(long responseId) {
		return Phrase.of("change.field.concern", Long.toString(responseId));
	}

	private ConsultationResponse pendingResponse(NeighbourhoodSummary neighbourhood, Consultation consultation,
			long responseId) {
		if (consultation.getNeighbourhoodId() != neighbourhood.id()) {
			// The scope check was of the neighbourhood: the consultation must be its own.
			throw new NotFoundException(
					"Consultation " + consultation.getId() + " is not " + neighbourhood.id() + "'s");
		}
		ConsultationResponse response = this.responses.findById(responseId)
			.filter((found) -> found.getConsultationId() == consultation.getId() && found.isConfirmed())
			.orElseThrow(() -> new NotFoundException("No confirmed answer " + responseId));
		if (response.getConcernStatus() != ConsultationResponse.ConcernStatus.PENDING) {
			throw new AlreadyModerated();
		}
		return response;
	}

	private Subject subject(Consultation consultation, NeighbourhoodSummary neighbourhood) {
		return new Subject(SUBJECT_TYPE, consultation.getId(),
				Phrase.of("change.subject.consultation-from", this.dates.shortDay(this.dates.openingDay(consultation))),
				neighbourhood.id());
	}

	private Snapshot snapshot(Consultation consultation) {
		return Snapshot.of()
			.with("change.field.question", consultation.getQuestion())
			.with("change.field.issues",
					consultation.getIssues()
						.stream()
						.map(ConsultationIssue::getLabel)
						.collect(Collectors.joining("; ")))
			.with("change.field.opens", this.dates.day(this.dates.openingDay(consultation)))
			.with("change.field.closes", this.dates.closingForTheRecord(consultation))
			.build();
	}

	/**
	 * The question a new consultation starts with, for its neighbourhood: staff change it
	 * as they like.
	 */
	String suggestedQuestion(String neighbourhoodName) {
		return this.messages.getMessage("consultation.staff.new.suggested-question", new Object[] { neighbourhoodName },
				Languages.ENGLISH);
	}

	/** Staff words are English. */
	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Languages.ENGLISH);
	}

}
