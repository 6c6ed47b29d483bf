package uk.yourarea.dataprotection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.personaldata.Erasure;
import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.personaldata.SearchBy;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * The data protection officer's desk: find what is held about a person, export it, erase
 * it on request, and hold messages from erasure. Only the DATA_PROTECTION role reaches
 * {@code /staff/data-protection/**} (the security configuration), and
 * {@link DataProtectionDesk} checks again below. Who is searched for travels only in POST
 * bodies, never in an address.
 */
@Controller
@RequestMapping("/staff/data-protection")
class DataProtectionController {

	static final String DESK = "/staff/data-protection";

	private static final int RECENT_ACTIONS = 25;

	private static final int EARLIER_ACTIONS = 50;

	private static final List<String> SEARCH_FIELDS = List.of("by", "term");

	private static final List<String> HOLD_FIELDS = List.of("reference", "reason", "reviewOn");

	private final DataProtectionDesk desk;

	private final HeldRecordViews views;

	private final SubjectAccessExport export;

	private final MessageSource messages;

	private final Clock clock;

	DataProtectionController(DataProtectionDesk desk, HeldRecordViews views, SubjectAccessExport export,
			MessageSource messages, Clock clock) {
		this.desk = desk;
		this.views = views;
		this.export = export;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String desk(Model model) {
		return showDesk(model, SearchForm.blank(), List.of(), null, null);
	}

	@PostMapping("/search")
	String search(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") SearchForm form,
			BindingResult result, Model model) {
		List<FormError> errors = problems(form, result);
		if (!errors.isEmpty()) {
			return showDesk(model, form, errors, null, null);
		}
		PersonSearch search = form.toSearch();
		// Read before this search is recorded, so that only earlier actions are listed;
		// one more than are shown, to say when some are not.
		List<DataProtectionDesk.Action> earlier = this.desk.actionsAbout(search, EARLIER_ACTIONS + 1);
		model.addAttribute("searchedTerm", search.term());
		model.addAttribute("earlierNotAllShown", (earlier.size() > EARLIER_ACTIONS) ? EARLIER_ACTIONS : null);
		return showDesk(model, form, errors, this.desk.find(user, search),
				earlier.subList(0, Math.min(earlier.size(), EARLIER_ACTIONS)));
	}

	@PostMapping("/export")
	Object export(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") SearchForm form,
			BindingResult result, Model model) {
		List<FormError> errors = problems(form, result);
		if (!errors.isEmpty()) {
			return showDesk(model, form, errors, null, null);
		}
		PersonSearch search = form.toSearch();
		SubjectAccessExport.File file = this.export.zip(search, this.desk.export(user, search));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name()).build().toString())
			.body(file.content());
	}

	@PostMapping("/erase/confirm")
	String confirmErasure(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") SearchForm form,
			BindingResult result, Model model) {
		List<FormError> errors = problems(form, result);
		if (!errors.isEmpty()) {
			return showDesk(model, form, errors, null, null);
		}
		return showErasure(model, user, new ErasureForm(form.by(), form.term(), ""), List.of());
	}

	@PostMapping("/erase")
	String erase(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") ErasureForm form,
			BindingResult result, Model model) {
		SearchForm search = form.search();
		List<FormError> searchErrors = problems(search, bindingOf(search));
		if (!searchErrors.isEmpty()) {
			return showDesk(model, search, searchErrors, null, null);
		}
		List<FormError> errors = FormErrors.inPageOrder(result, List.of("reason"));
		if (!errors.isEmpty()) {
			return showErasure(model, user, form, errors);
		}
		Erasure erasure = this.desk.erase(user, search.toSearch(), Objects.requireNonNull(form.reason()).strip());
		model.addAttribute("erasure", erasure);
		return "dataprotection/erased";
	}

	@PostMapping("/hold/new")
	String holdForm(@ModelAttribute("form") LiftHoldForm about, Model model) {
		return showHold(model, HoldForm.about(Objects.requireNonNullElse(about.reference(), "")), List.of());
	}

	@PostMapping("/hold")
	String hold(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") HoldForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, HOLD_FIELDS));
		LocalDate today = LocalDate.now(this.clock);
		form.reviewOn()
			.problem(text("dataprotection.hold.review-on.name"), text("dataprotection.hold.review-on.required"),
					this.messages, Locale.UK)
			.or(() -> form.reviewOn()
				.toDate()
				.filter((date) -> !date.isAfter(today))
				.map((date) -> text("dataprotection.hold.review-on.future")))
			.ifPresent((problem) -> errors.add(new FormError("reviewOn", problem)));
		if (!errors.isEmpty()) {
			return showHold(model, form, FormErrors.sortedByField(errors, HOLD_FIELDS));
		}
		String reference = reference(form.reference());
		boolean placed = this.desk.hold(user, reference, Objects.requireNonNull(form.reason()).strip(),
				form.reviewOn().toDate().orElseThrow());
		if (!placed) {
			return showHold(model, form,
					List.of(new FormError("reference", text("dataprotection.hold.reference.not-found"))));
		}
		redirect.addFlashAttribute("notice", text("dataprotection.hold.placed", reference));
		return "redirect:" + DESK;
	}

	@PostMapping("/lift/new")
	String liftForm(@ModelAttribute("form") LiftHoldForm about, Model model) {
		return showLift(model, LiftHoldForm.about(Objects.requireNonNullElse(about.reference(), "")), List.of());
	}

	@PostMapping("/lift")
	String lift(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") LiftHoldForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<FormError> errors = FormErrors.inPageOrder(result, List.of("reference", "reason"));
		if (!errors.isEmpty()) {
			return showLift(model, form, errors);
		}
		String reference = reference(form.reference());
		if (!this.desk.lift(user, reference, Objects.requireNonNull(form.reason()).strip())) {
			redirect.addFlashAttribute("notice", text("dataprotection.lift.none", reference));
		}
		else {
			redirect.addFlashAttribute("notice", text("dataprotection.lift.lifted", reference));
		}
		return "redirect:" + DESK;
	}

	private List<FormError> problems(SearchForm form, BindingResult result) {
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, SEARCH_FIELDS));
		if (errors.stream().noneMatch((error) -> "term".equals(error.field()))) {
			form.termProblem().ifPresent((key) -> errors.add(new FormError("term", text(key))));
		}
		return FormErrors.sortedByField(errors, SEARCH_FIELDS);
	}

	/** The annotations' checks on a search carried in another form's hidden fields. */
	private BindingResult bindingOf(SearchForm search) {
		BindingResult result = new BeanPropertyBindingResult(search, "search");
		if (search.by() == null) {
			result.addError(new FieldError("search", "by", text("dataprotection.search.by.required")));
		}
		if (search.term() == null || search.term().isBlank()) {
			result.addError(new FieldError("search", "term", text("dataprotection.search.term.required")));
		}
		return result;
	}

	private String showDesk(Model model, SearchForm form, List<FormError> errors, @Nullable List<HeldRecord> results,
			@Nullable List<DataProtectionDesk.Action> earlier) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("searchChoices", searchChoices());
		model.addAttribute("results", (results != null) ? this.views.show(results) : null);
		model.addAttribute("searchedBy", (form.by() != null) ? searchedBy(form.by()) : null);
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("holds",
				this.desk.holds()
					.stream()
					.map((held) -> new HoldRow(held.reference(), held.hold().reason(),
							this.views.day(held.hold().reviewOn()), held.hold().isDueForReview(today)))
					.toList());
		model.addAttribute("earlier", (earlier != null) ? rows(earlier) : null);
		model.addAttribute("actions", rows(this.desk.recentActions(RECENT_ACTIONS)));
		return "dataprotection/desk";
	}

	private List<ActionRow> rows(List<DataProtectionDesk.Action> actions) {
		return actions.stream()
			.map((action) -> new ActionRow(this.views.time(action.at()),
					(action.staffName() != null) ? action.staffName() : text("dataprotection.actions.no-account"),
					text("dataprotection.action." + action.action()), action.references(), action.records(),
					action.reason()))
			.toList();
	}

	private String showErasure(Model model, StaffUser user, ErasureForm form, List<FormError> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("searchedBy", searchedBy(Objects.requireNonNull(form.by())));
		model.addAttribute("records", this.views.show(this.desk.find(user, form.search().toSearch())));
		return "dataprotection/confirm-erasure";
	}

	private String showHold(Model model, HoldForm form, List<FormError> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "dataprotection/hold";
	}

	private String showLift(Model model, LiftHoldForm form, List<FormError> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "dataprotection/lift";
	}

	private List<Choice> searchChoices() {
		return List.of(SearchBy.values())
			.stream()
			.map((by) -> new Choice(by.name(), text("dataprotection.search.by." + by.name())))
			.toList();
	}

	/**
	 * How a person was searched for, as the middle of a sentence: "email address", as the
	 * export they are given says it too.
	 */
	private String searchedBy(SearchBy by) {
		return text("dataprotection.export.searched-by." + by.name());
	}

	private static String reference(@Nullable String typed) {
		return PersonSearch.normalise(SearchBy.REFERENCE, Objects.requireNonNull(typed));
	}

	private String text(String key, @Nullable Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

	/** A legal hold, as the desk lists them. */
	record HoldRow(String reference, String reason, String reviewOn, boolean overdue) {
	}

	/** One of the desk's recent actions. */
	record ActionRow(String at, String who, String what, List<String> references, int records,
			@Nullable String reason) {
	}

}
