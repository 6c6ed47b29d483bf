package uk.yourarea;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key the code or a template asks for is in one of the two bundles,
 * messages.properties (what residents read) or staff.properties (what only staff read): a
 * missing key shows a page its raw code ({@code ??event.title.required_en_GB??}) or fails
 * the request, and nothing else would notice before a resident did. No key is in both, or
 * which wording a page shows would depend on the order of the bundles.
 */
class MessageKeysTests {

	private static final Path SOURCES = Path.of("src/main/java/uk/yourarea");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path RESIDENTS = Path.of("src/main/resources/messages.properties");

	private static final Path STAFF = Path.of("src/main/resources/staff.properties");

	/**
	 * A string literal that names a key of the bundle, {@code "event.title.required"} or
	 * a Bean Validation message {@code "{event.title.required}"}: the first part is one
	 * of the bundle's features (so that property names and the like are not taken for
	 * keys).
	 */
	private static final Pattern JAVA_KEY = Pattern.compile("\"\\{?([a-z][a-z-]*(?:\\.[a-zA-Z0-9-]+)+)\\}?\"");

	/** {@code #{key}} or {@code #{key(arguments)}}; not a key worked out with ${...}. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.-]*)[}(]");

	/**
	 * The templates only staff see (the folders of the staff pages, and the staff pages
	 * of a folder shared with residents). Every other template is one a resident can see,
	 * and must take its words from messages.properties, which has them in Welsh too.
	 */
	private static final List<String> STAFF_TEMPLATES = List.of("admin/", "alert/staff/", "audit/", "coverage/",
			"dataprotection/", "event/", "inbox/", "neighbourhood/", "priority/", "security/", "station/", "team/",
			"layout/staff.html", "fragments/bilingual.html", "consultation/list.html", "consultation/results.html",
			"consultation/concerns.html", "consultation/new.html", "consultation/date-input.html");

	private static final List<String> RESIDENT_TEMPLATES_AMONG_STAFF = List.of("dataprotection/privacy.html",
			"dataprotection/export.html");

	/**
	 * The code only staff run (under src/main/java/uk/yourarea): the features only staff
	 * see, and the staff controllers, forms and checks of features residents see too. A
	 * key that only this code and the staff templates use is one only staff read.
	 */
	private static final List<String> STAFF_CODE = List.of("admin/", "audit/", "coverage/", "dataprotection/", "inbox/",
			"security/", "alert/AlertForm.java", "alert/AlertFormChecks.java", "alert/AlertReach.java",
			"alert/AlertStatus.java", "alert/AlertSubscribersController.java", "alert/AlertViews.java",
			"alert/ReturnAlertForm.java", "alert/SendAlertForm.java", "alert/StaffAlertsController.java",
			"consultation/ConsultationAdminController.java", "consultation/ConsultationForm.java",
			"event/CancelEventForm.java", "event/EventAdminController.java", "event/EventForm.java",
			"event/EventFormValidator.java", "neighbourhood/LocalPolicingAreaAdminController.java",
			"neighbourhood/LocalPolicingAreaChanges.java", "neighbourhood/LocalPolicingAreaForm.java",
			"neighbourhood/NeighbourhoodAdminController.java", "neighbourhood/NeighbourhoodChanges.java",
			"neighbourhood/NeighbourhoodForm.java", "priority/PriorityAdminController.java",
			"priority/PriorityCloseForm.java", "priority/PriorityForm.java", "priority/PriorityFormValidator.java",
			"priority/PriorityProgressController.java", "priority/PriorityUpdateForm.java",
			"priority/PriorityWordingForm.java", "station/ExceptionForm.java", "station/HoursInput.java",
			"station/StationAdminController.java", "station/StationForm.java", "station/StationFormValidator.java",
			"station/WeekForm.java", "team/NamedOfficerAdminController.java", "team/NamedOfficerChoice.java",
			"team/PhotoChecks.java", "team/PhotoForm.java", "team/PhotoUpload.java", "team/TeamAdminController.java",
			"team/TeamMemberForm.java", "team/TeamPages.java", "team/TeamPhotoAdminController.java");

	/** The privacy notice, and the subject access export a resident is given. */
	private static final List<String> RESIDENT_CODE_AMONG_STAFF = List.of("dataprotection/PrivacyNoticeController.java",
			"dataprotection/SubjectAccessExport.java", "dataprotection/HeldRecordViews.java");

	/**
	 * A string literal in Java that names a key ({@code "area.find.postcode.required"},
	 * {@code "{contact.form.name.required}"}), the stem a check completes
	 * ({@code "event.start-time"}) or the start of keys built from it
	 * ({@code "alerts.topic."}).
	 */
	private static final Pattern JAVA_LITERAL = Pattern
		.compile("\"\\{?([a-z][a-zA-Z0-9-]*(?:\\.[a-zA-Z0-9-]+)+\\.?)\\}?\"");

	/**
	 * A key a template names in quotes, {@code #messages.msg('alerts.error-prefix')}, or
	 * the start of keys it builds, {@code 'contact.conversation.status.' + ...}.
	 */
	private static final Pattern TEMPLATE_LITERAL = Pattern.compile("'([a-z][a-zA-Z0-9-]*(?:\\.[a-zA-Z0-9-]+)+\\.?)'");

	/** A key a template builds with {@code |alerts.link.${problem}.title|}. */
	private static final Pattern TEMPLATE_BUILT = Pattern.compile("\\|([a-z][a-zA-Z0-9.-]*\\$\\{[^|]*)\\|");

	private static Set<String> keys;

	private static Set<String> residentKeys;

	private static Set<String> staffKeys;

	private static Set<String> features;

	@BeforeAll
	static void bundle() throws IOException {
		residentKeys = keysOf(RESIDENTS);
		staffKeys = keysOf(STAFF);
		keys = new TreeSet<>(residentKeys);
		keys.addAll(staffKeys);
		features = keys.stream().map((key) -> key.substring(0, key.indexOf('.'))).collect(Collectors.toSet());
	}

	private static Set<String> keysOf(Path file) throws IOException {
		Properties bundle = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			bundle.load(in);
		}
		return bundle.stringPropertyNames();
	}

	@Test
	void noKeyIsInBothBundles() {
		assertThat(residentKeys).as("keys of messages.properties").contains("area.find.postcode.required");
		assertThat(staffKeys).as("keys of staff.properties").contains("admin.accounts.saved");
		assertThat(residentKeys).as("keys in both messages.properties and staff.properties")
			.doesNotContainAnyElementsOf(staffKeys);
	}

	@Test
	void everyKeyTheCodeUsesIsInTheBundle() throws IOException {
		Set<String> used = found(SOURCES, ".java", JAVA_KEY);
		used.removeIf((key) -> !features.contains(key.substring(0, key.indexOf('.'))));
		assertThat(used).as("keys used in the code").contains("event.title.required", "admin.accounts.saved");
		assertThat(missing(used)).as("keys used in the code but in neither bundle").isEmpty();
	}

	@Test
	void everyKeyATemplateUsesIsInTheBundle() throws IOException {
		Set<String> used = found(TEMPLATES, ".html", TEMPLATE_KEY);
		assertThat(used).as("keys used in templates").isNotEmpty();
		assertThat(missing(used)).as("keys used in templates but in neither bundle").isEmpty();
	}

	@Test
	void noPageAResidentCanSeeUsesAStaffKey() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).toList()) {
				String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
				if (!staffTemplate(name)) {
					Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
					while (matcher.find()) {
						used.add(matcher.group(1));
					}
				}
			}
		}
		assertThat(used).as("keys used in the templates residents can see").contains("contact.form.unavailable.title");
		assertThat(used).as("keys of staff.properties used in a template residents can see")
			.doesNotContainAnyElementsOf(staffKeys);
	}

	/**
	 * messages.properties holds only what a resident can read, and each of its keys has
	 * Welsh: a key that only staff pages, staff emails or the checks of staff forms use
	 * belongs in staff.properties, which stays English. A key counts as read by residents
	 * when a template outside {@link #STAFF_TEMPLATES} or code outside
	 * {@link #STAFF_CODE} names it (whole, as the stem of a check, or as the start of
	 * keys built from a prefix ending in a dot).
	 */
	@Test
	void everyKeyOfMessagesPropertiesIsOneResidentsRead() throws IOException {
		Set<String> literals = new TreeSet<>();
		List<Pattern> built = new ArrayList<>();
		for (Path file : files(TEMPLATES, ".html")) {
			if (!staffTemplate(TEMPLATES.relativize(file).toString().replace('\\', '/'))) {
				String text = Files.readString(file);
				literals.addAll(matches(TEMPLATE_KEY, text));
				literals.addAll(matches(TEMPLATE_LITERAL, text));
				for (String pattern : matches(TEMPLATE_BUILT, text)) {
					built.add(Pattern.compile(Stream.of(pattern.split("\\$\\{[^}]*}", -1))
						.map(Pattern::quote)
						.collect(Collectors.joining("[a-zA-Z0-9-]+"))));
				}
			}
		}
		for (Path file : files(SOURCES, ".java")) {
			if (!staffCode(SOURCES.relativize(file).toString().replace('\\', '/'))) {
				literals.addAll(matches(JAVA_LITERAL, Files.readString(file)));
			}
		}
		Predicate<String> readByResidents = (key) -> literals.stream().anyMatch((literal) -> names(literal, key))
				|| built.stream().anyMatch((pattern) -> pattern.matcher(key).matches());

		assertThat(readByResidents)
			.as("a key of a public page, a key of a resident email, a key built on the alert "
					+ "pages, a key of a public form's checks, a topic built from its prefix")
			.accepts("area.find.postcode.required", "contact.email.reply.subject", "alerts.link.expired.title",
					"contact.form.name.required", "contact.form.topic.drugs");
		assertThat(readByResidents).as("keys only staff pages and staff code use")
			.rejects("priority.added", "event.title.required", "station.hours.opens.required.day",
					"alerts.status.draft", "neighbourhood.poster.link");
		List<String> staffOnly = residentKeys.stream().filter(readByResidents.negate()).sorted().toList();
		assertThat(staffOnly)
			.withFailMessage(() -> staffOnly.size()
					+ " keys of messages.properties are used by no page, email, feed or code a resident can see. "
					+ "Move those only staff read to staff.properties (and take their Welsh out of "
					+ "messages_cy.properties), and delete those nothing uses. If residents do read one, name the "
					+ "whole key where the code uses it, or build it from a prefix that ends with a dot:\n  "
					+ String.join("\n  ", staffOnly))
			.isEmpty();
	}

	@Test
	void everyStaffTemplateAndStaffCodeNamedHereExists() {
		assertThat(Stream.concat(STAFF_TEMPLATES.stream(), RESIDENT_TEMPLATES_AMONG_STAFF.stream())
			.map(TEMPLATES::resolve)).as("staff templates named in this test").allMatch(Files::exists);
		assertThat(Stream.concat(STAFF_CODE.stream(), RESIDENT_CODE_AMONG_STAFF.stream()).map(SOURCES::resolve))
			.as("staff code named in this test")
			.allMatch(Files::exists);
	}

	/**
	 * A message with no arguments is shown as written (Spring formats only messages that
	 * have some), so a doubled apostrophe in one would show as two.
	 */
	@Test
	void onlyMessagesWithArgumentsDoubleTheirApostrophes() throws IOException {
		Properties bundle = new Properties();
		for (Path file : List.of(RESIDENTS, STAFF)) {
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				bundle.load(in);
			}
		}
		List<String> doubled = bundle.stringPropertyNames()
			.stream()
			.filter((key) -> bundle.getProperty(key).contains("''")
					&& !bundle.getProperty(key).matches("(?s).*\\{\\d.*"))
			.sorted()
			.toList();
		assertThat(doubled).as("messages without arguments that double an apostrophe").isEmpty();
	}

	/**
	 * The keys used that the bundle lacks. A code may also be the stem that a check
	 * completes ({@code "event.start-time"} for {@code event.start-time.required} and
	 * {@code .format}).
	 */
	private static List<String> missing(Set<String> used) {
		return used.stream()
			.filter((key) -> !keys.contains(key))
			.filter((key) -> keys.stream().noneMatch((known) -> known.startsWith(key + ".")))
			.toList();
	}

	/**
	 * The literal is the key, the stem a check completes, or a prefix ending in a dot.
	 */
	private static boolean names(String literal, String key) {
		return key.equals(literal) || key.startsWith(literal.endsWith(".") ? literal : literal + ".");
	}

	private static boolean staffTemplate(String name) {
		return STAFF_TEMPLATES.stream().anyMatch(name::startsWith) && !RESIDENT_TEMPLATES_AMONG_STAFF.contains(name);
	}

	private static boolean staffCode(String name) {
		return STAFF_CODE.stream().anyMatch(name::startsWith) && !RESIDENT_CODE_AMONG_STAFF.contains(name);
	}

	private static List<Path> files(Path folder, String ending) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((path) -> path.toString().endsWith(ending)).sorted().toList();
		}
	}

	private static List<String> matches(Pattern pattern, String text) {
		return pattern.matcher(text).results().map((match) -> match.group(1)).toList();
	}

	private static Set<String> found(Path folder, String ending, Pattern key) throws IOException {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(ending)).toList()) {
				Matcher matcher = key.matcher(Files.readString(file));
				while (matcher.find()) {
					found.add(matcher.group(1));
				}
			}
		}
		return found;
	}

}
