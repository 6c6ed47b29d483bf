package uk.yourarea;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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
	private static final Pattern JAVA_KEY = Pattern.compile("\"\\{?([a-z]+(?:\\.[a-zA-Z0-9-]+)+)\\}?\"");

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
				boolean staffOnly = STAFF_TEMPLATES.stream().anyMatch(name::startsWith)
						&& !RESIDENT_TEMPLATES_AMONG_STAFF.contains(name);
				if (!staffOnly) {
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
