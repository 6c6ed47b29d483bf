package uk.yourarea;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Welsh bundle, messages_cy.properties, keeps up with the English one: every key a
 * resident can read has its Welsh, with the same arguments, and nothing is left in
 * English. A key without Welsh would show a Welsh page in English without anyone
 * noticing, and a dropped {@code {0}} would leave out a name or a date.
 * <p>
 * When a test here fails because new keys were added to messages.properties, its message
 * lists each key with its English: translate those into messages_cy.properties, at the
 * same place as in messages.properties.
 */
class WelshBundleTests {

	private static final Path ENGLISH = Path.of("src/main/resources/messages.properties");

	private static final Path WELSH = Path.of("src/main/resources/messages_cy.properties");

	/**
	 * Keys only staff read, which need no Welsh: staff pages, staff emails and the checks
	 * of staff forms stay English (a force can add staff_cy.properties). They are moving
	 * from messages.properties to staff.properties; once they have moved, their entries
	 * here match nothing and can go. A key is staff-only when it is one of these or
	 * starts with one of these and a dot. Do not add a key a resident can read: when in
	 * doubt, translate it.
	 */
	private static final List<String> STAFF_ONLY = List.of(
			// Whole features only staff see
			"admin", "security", "coverage", "inbox", "audit", "dataprotection", "alerts.staff", "alerts.status",
			// The staff pages of a neighbourhood's priorities
			"priority.issue", "priority.action", "priority.origin", "priority.raised-on", "priority.update",
			"priority.outcome", "priority.added", "priority.wording-changed", "priority.closed",
			"priority.closed-already",
			// The staff pages of a neighbourhood's events (not their calendar feed)
			"event.title.required", "event.title.too-long", "event.type.required", "event.description.too-long",
			"event.address.required", "event.address.too-long", "event.date.name", "event.date.required",
			"event.date.past", "event.start-time.required", "event.start-time.format", "event.start-time.past",
			"event.end-time.required", "event.end-time.format", "event.end-time.not-after-start",
			"event.cancel.reason.too-long", "event.added", "event.saved", "event.cancelled", "event.cancelled-already",
			// The staff pages of stations and community hubs
			"station.name", "station.kind", "station.address", "station.postcode", "station.front-counter",
			"station.neighbourhoods", "station.exception", "station.added", "station.saved", "station.week",
			"station.removed", "station.hours.opens", "station.hours.closes", "station.hours.opens-again",
			"station.hours.closes-again",
			// The staff pages of a neighbourhood's team
			"team.member", "team.photo", "team.added", "team.saved", "team.moved-up", "team.moved-down", "team.moved",
			"team.removed", "team.confirmed", "team.stale-confirmation", "team.changed-elsewhere",
			"team.member-changed-elsewhere", "team.order-changed-elsewhere", "team.move", "team.named-officer",
			// The staff pages of neighbourhoods and local policing areas
			"neighbourhood.form", "neighbourhood.area-form", "neighbourhood.added", "neighbourhood.saved",
			"neighbourhood.saved-new-address", "neighbourhood.retired", "neighbourhood.retired-already",
			"neighbourhood.area", "neighbourhood.poster");

	/**
	 * Keys under a staff-only stem that residents read all the same: the signature of an
	 * alert, the retention periods of the privacy notice, and the subject access export
	 * with the names of the records and fields it gives.
	 */
	private static final List<String> RESIDENTS_READ = List.of("alerts.staff.signature", "dataprotection.period",
			"dataprotection.export", "dataprotection.kind", "dataprotection.field", "dataprotection.value");

	/**
	 * Names and codes that stay the same in Welsh: a Welsh message may repeat them and
	 * still not be left in English.
	 */
	private static final List<String> SAME_IN_WELSH = List.of("Your Area", "Instagram", "Facebook", "X (Twitter)",
			"data.police.uk", "OpenAPI", "JSON", "HTML", "CORS", "ETag", "Cache-Control", "Content-Length", "Atom",
			"101", "999");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	private static final Pattern URL = Pattern.compile("(https?://|/)\\S*");

	private static Properties english;

	private static Properties welsh;

	@BeforeAll
	static void bundles() throws IOException {
		english = load(ENGLISH);
		welsh = load(WELSH);
	}

	@Test
	void everyKeyAResidentCanReadHasItsWelsh() {
		List<String> missing = english.stringPropertyNames()
			.stream()
			.filter((key) -> !staffOnly(key))
			.filter((key) -> !welsh.containsKey(key))
			.sorted()
			.toList();
		assertThat(missing)
			.withFailMessage(() -> missing.size() + " keys of messages.properties have no Welsh in "
					+ "messages_cy.properties (add them there, or to STAFF_ONLY here if only staff read them):\n"
					+ listed(missing, english))
			.isEmpty();
	}

	@Test
	void everyWelshKeyIsAKeyOfTheEnglishBundle() {
		List<String> extra = welsh.stringPropertyNames()
			.stream()
			.filter((key) -> !english.containsKey(key))
			.sorted()
			.toList();
		assertThat(extra)
			.withFailMessage(() -> extra.size() + " keys of messages_cy.properties are not in messages.properties "
					+ "(renamed or removed in English? rename or remove them in Welsh too):\n" + listed(extra, welsh))
			.isEmpty();
	}

	@Test
	void noWelshKeyIsWrittenTwice() throws IOException {
		Set<String> seen = new HashSet<>();
		List<String> twice = new ArrayList<>();
		for (String line : Files.readAllLines(WELSH, StandardCharsets.UTF_8)) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
				String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
				if (!seen.add(key)) {
					twice.add(key);
				}
			}
		}
		assertThat(twice).as("keys written more than once in messages_cy.properties (the last one wins)").isEmpty();
	}

	@Test
	void everyTranslationKeepsTheArgumentsOfItsEnglish() {
		List<String> different = translated().stream()
			.filter((key) -> !arguments(english.getProperty(key)).equals(arguments(welsh.getProperty(key))))
			.map((key) -> key + ": English has " + arguments(english.getProperty(key)) + ", Welsh has "
					+ arguments(welsh.getProperty(key)))
			.toList();
		assertThat(different).as("translations that drop or add an argument such as {0}").isEmpty();
	}

	/**
	 * A message with arguments goes through MessageFormat, where an apostrophe is written
	 * {@code ''} (a single one would hide the arguments after it); a message without any
	 * is shown as it is, where {@code ''} would show two. Welsh has many apostrophes
	 * (i'ch, a'r, o'r), so this is the easiest mistake to make.
	 */
	@Test
	void apostrophesAreWrittenAsMessageFormatWantsThem() {
		List<String> wrong = new ArrayList<>();
		for (String key : new TreeSet<>(welsh.stringPropertyNames())) {
			String value = welsh.getProperty(key);
			boolean formatted = ARGUMENT.matcher(value).find();
			if (formatted && value.replace("''", "").contains("'")) {
				wrong.add(key + " has arguments, so each apostrophe must be written '': " + value);
			}
			if (!formatted && value.contains("''")) {
				wrong.add(key + " has no arguments, so an apostrophe is written once: " + value);
			}
		}
		assertThat(wrong).as("apostrophes in messages_cy.properties").isEmpty();
	}

	@Test
	void noSentenceIsLeftInEnglish() {
		List<String> same = translated().stream()
			.filter((key) -> welsh.getProperty(key).strip().equals(english.getProperty(key).strip()))
			.filter((key) -> words(english.getProperty(key)) > 2)
			.sorted()
			.toList();
		assertThat(same)
			.withFailMessage(() -> same.size() + " messages of messages_cy.properties are the English unchanged:\n"
					+ listed(same, english))
			.isEmpty();
	}

	/**
	 * Spring reads the Welsh bundle as UTF-8 (ŵ, ŷ and â come out whole), formats its
	 * arguments and choices, and falls back to the English for a key only staff read.
	 */
	@Test
	void springReadsTheWelshBundle() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "staff");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);

		assertThat(messages.getMessage("page.there-is-a-problem", null, Languages.WELSH))
			.isEqualTo("Mae problem wedi codi");
		assertThat(messages.getMessage("page.there-is-a-problem", null, Languages.ENGLISH))
			.isEqualTo("There is a problem");
		assertThat(messages.getMessage("alerts.archive.next", null, Languages.WELSH)).isEqualTo("Negeseuon hŷn");
		assertThat(messages.getMessage("privacy.controller", new Object[] { "Heddlu Dyfed-Powys", "Your Area" },
				Languages.WELSH))
			.isEqualTo("Heddlu Dyfed-Powys yw'r rheolydd data ar gyfer Your Area.");
		assertThat(messages.getMessage("alerts.link.find", null, Languages.WELSH)).isEqualTo("Dod o hyd i'ch ardal");
		assertThat(messages.getMessage("dataprotection.period.years", new Object[] { 1 }, Languages.WELSH))
			.isEqualTo("1 flwyddyn");
		assertThat(messages.getMessage("dataprotection.period.years", new Object[] { 6 }, Languages.WELSH))
			.isEqualTo("6 o flynyddoedd");
		assertThat(messages.getMessage("admin.accounts.name.required", null, Languages.WELSH))
			.isEqualTo("Enter their name");
	}

	private static List<String> translated() {
		return welsh.stringPropertyNames().stream().filter(english::containsKey).toList();
	}

	private static boolean staffOnly(String key) {
		return matches(key, STAFF_ONLY) && !matches(key, RESIDENTS_READ);
	}

	private static boolean matches(String key, List<String> stems) {
		return stems.stream().anyMatch((stem) -> key.equals(stem) || key.startsWith(stem + "."));
	}

	private static Set<String> arguments(String value) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(value);
		while (matcher.find()) {
			found.add("{" + matcher.group(1) + "}");
		}
		return found;
	}

	/** The words of a message, leaving out arguments, web addresses and names. */
	private static int words(String value) {
		String text = value.replaceAll("\\{[^}]*\\}", " ");
		for (String name : SAME_IN_WELSH) {
			text = text.replace(name, " ");
		}
		text = URL.matcher(text).replaceAll(" ");
		int words = 0;
		for (String word : text.split("\\s+")) {
			if (word.codePoints().anyMatch(Character::isLetter)) {
				words++;
			}
		}
		return words;
	}

	private static String listed(List<String> keys, Properties values) {
		return keys.stream().map((key) -> "  " + key + "=" + values.getProperty(key)).collect(Collectors.joining("\n"));
	}

	private static Properties load(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
