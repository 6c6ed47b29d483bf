package uk.yourarea.admin;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.yourarea.admin.GuaranteeReport.Measure;
import uk.yourarea.admin.GuaranteeReport.Report;
import uk.yourarea.admin.GuaranteeReport.Row;
import uk.yourarea.contact.ResponseRecord;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.CsvFile;
import uk.yourarea.web.Languages;

/**
 * The Neighbourhood Policing Guarantee compliance view, for web editors, supervisors and
 * administrators (see the security configuration): force-wide totals, every
 * neighbourhood's six measures with a link to the page that fixes each shortfall, a
 * filter by local policing area, and the same figures as CSV.
 */
@Controller
class GuaranteeController {

	private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");

	private final GuaranteeReport guarantee;

	private final StaffScope scope;

	/** The spreadsheet's column headings, in order (staff.properties). */
	static final List<String> CSV_HEADERS = List.of("admin.guarantee.csv.code", "admin.guarantee.csv.neighbourhood",
			"admin.guarantee.csv.local-policing-area", "admin.guarantee.csv.named-officer",
			"admin.guarantee.csv.named-officer-role", "admin.guarantee.csv.has-named-officer",
			"admin.guarantee.csv.people-answering-messages", "admin.guarantee.csv.contactable-online",
			"admin.guarantee.csv.named-officer-confirmed-on", "admin.guarantee.csv.confirmed-in-6-months",
			"admin.guarantee.csv.current-priorities", "admin.guarantee.csv.priorities-not-updated-in-3-months",
			"admin.guarantee.csv.priorities-updated-in-3-months", "admin.guarantee.csv.next-event",
			"admin.guarantee.csv.event-in-next-3-months", "admin.guarantee.csv.messages-in-90-days",
			"admin.guarantee.csv.replied-within-72-hours", "admin.guarantee.csv.waiting-inside-72-hours",
			"admin.guarantee.csv.percent-within-72-hours", "admin.guarantee.csv.median-reply-hours",
			"admin.guarantee.csv.replies-within-72-hours", "admin.guarantee.csv.meets-all-six");

	private final MessageSource messages;

	private final String yes;

	private final String no;

	GuaranteeController(GuaranteeReport guarantee, StaffScope scope, MessageSource messages) {
		this.messages = messages;
		this.yes = words("admin.guarantee.csv.yes");
		this.no = words("admin.guarantee.csv.no");
		this.guarantee = guarantee;
		this.scope = scope;
	}

	@GetMapping("/staff/guarantee")
	String report(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) @Nullable Long area,
			@RequestParam(defaultValue = "all") String show, Model model) {
		List<GuaranteeReport.Area> areas = this.guarantee.areas();
		@Nullable Long chosen = known(area, areas);
		boolean shortfallsOnly = "shortfalls".equals(show);
		Report report = this.guarantee.report(chosen, viewer(user));
		List<Row> rows = shortfallsOnly ? report.rows().stream().filter((row) -> !row.allMet()).toList()
				: report.rows();
		model.addAttribute("report", report);
		model.addAttribute("rows", rows);
		model.addAttribute("measures", Measure.values());
		model.addAttribute("areas", areas);
		model.addAttribute("area", chosen);
		model.addAttribute("areaName",
				areas.stream()
					.filter((a) -> chosen != null && a.id() == chosen)
					.map(GuaranteeReport.Area::name)
					.findFirst()
					.orElse(null));
		model.addAttribute("shortfallsOnly", shortfallsOnly);
		model.addAttribute("csvHref", "/staff/guarantee/guarantee.csv" + ((chosen == null) ? "" : "?area=" + chosen));
		model.addAttribute("fewestForAFairFigure", ResponseRecord.FEWEST_FOR_A_FAIR_FIGURE);
		return "admin/guarantee";
	}

	@GetMapping("/staff/guarantee/guarantee.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal StaffUser user,
			@RequestParam(required = false) @Nullable Long area) {
		// An area that does not exist (an old link, a typed URL) gives every area, as the
		// page does.
		Report report = this.guarantee.report(known(area, this.guarantee.areas()), viewer(user));
		CsvFile csv = new CsvFile();
		csv.row(CSV_HEADERS.stream().map(this::words).toList());
		for (Row row : report.rows()) {
			GuaranteeReport.Facts facts = row.facts();
			ResponseRecord replies = facts.replies();
			csv.row(row.code(), row.name(), row.areaName(), text(facts.namedOfficer()), text(facts.namedOfficerRole()),
					yes(row, Measure.NAMED_OFFICER), Integer.toString(facts.accountsAnswering()),
					yes(row, Measure.CONTACTABLE_ONLINE), text(facts.confirmedOn()), yes(row, Measure.CONFIRMED),
					Integer.toString(facts.openPriorities()), Integer.toString(facts.stalePriorities()),
					yes(row, Measure.PRIORITIES),
					(facts.nextEvent() == null) ? ""
							: DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(facts.nextEvent().atZone(UK)),
					yes(row, Measure.EVENT), Integer.toString(replies.received()),
					Integer.toString(replies.repliedOnTime()), Integer.toString(replies.waiting()),
					text(replies.percentOnTime()), text(replies.medianReplyHours()), yes(row, Measure.REPLIES),
					row.allMet() ? this.yes : this.no);
		}
		String name = "neighbourhood-policing-guarantee-" + report.asOf() + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private GuaranteeReport.Viewer viewer(StaffUser user) {
		boolean everything = this.scope.canEditEverything(user);
		var visible = this.scope.neighbourhoodIdsVisibleTo(user);
		return new GuaranteeReport.Viewer(everything,
				user.hasAnyRole(StaffRole.OFFICER, StaffRole.SUPERVISOR) ? visible : java.util.Set.of(), visible,
				user.hasRole(StaffRole.ADMIN));
	}

	private String yes(Row row, Measure measure) {
		return row.check(measure).met() ? this.yes : this.no;
	}

	private static String text(@Nullable Object value) {
		return (value == null) ? "" : value.toString();
	}

	private static @Nullable Long known(@Nullable Long area, List<GuaranteeReport.Area> areas) {
		return (area != null && areas.stream().anyMatch((a) -> a.id() == area)) ? area : null;
	}

	/** Staff words are English. */
	private String words(String key) {
		return this.messages.getMessage(key, null, Languages.ENGLISH);
	}

}
