package uk.yourarea.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page in Welsh holds no English sentence from the English bundle: a word
 * left in a template, a message built in Java in English, or a key with no Welsh would
 * each show one. Data staff wrote in English (a name, a description with no Welsh
 * version) is not wording, and is marked {@code lang="en"} rather than checked here.
 * While the Welsh bundle is being written, only sentences whose key already has Welsh are
 * looked for.
 */
@DemoSiteTest
class WelshWordingIT {

	/** Fragments of English sentences shorter than this many words are not checked. */
	private static final int WORDS = 4;

	private static List<String> englishSentences;

	/**
	 * English sentences of keys that have no Welsh yet: expected on Welsh pages for now.
	 */
	private static List<String> untranslated;

	@Autowired
	private Site site;

	@BeforeAll
	static void sentencesOfTheEnglishBundle() throws IOException {
		Properties english = load("src/main/resources/messages.properties");
		Properties welsh = load("src/main/resources/messages_cy.properties");
		TreeSet<String> sentences = new TreeSet<>();
		TreeSet<String> stillToTranslate = new TreeSet<>();
		for (String key : english.stringPropertyNames()) {
			String text = english.getProperty(key);
			// Until every key has its Welsh, a key with none yet is not looked for: this
			// finds English left in templates and Java, not translations still to come.
			// Their English is taken off a page before it is searched, as a sentence of
			// a translated key can be part of it ("Enter your email address so that...").
			String inWelsh = welsh.getProperty(key);
			if (text.equals(inWelsh)) {
				continue;
			}
			((inWelsh == null) ? stillToTranslate : sentences).addAll(fragments(text));
		}
		sentences.removeAll(stillToTranslate);
		englishSentences = List.copyOf(sentences);
		// Longest first, so that a sentence inside another goes with it.
		untranslated = stillToTranslate.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
		assertThat(englishSentences).as("English sentences to look for").hasSizeGreaterThan(100);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/cy/", "/cy/find-your-area?postcode=", "/cy/find-your-area?postcode=not+a+postcode",
			"/cy/find-your-area?postcode=LE18", "/cy/find-your-area?postcode=SW1A+1AA", "/cy/areas", "/cy/area/wigston",
			"/cy/area/cultural-quarter", "/cy/area/wigston/poster", "/cy/area/wigston/contact",
			"/cy/area/wigston/alerts", "/cy/area/wigston/alerts/check-your-email", "/cy/alerts/stopped",
			"/cy/area/nowhere", "/cy/accessibility", "/cy/privacy" })
	void aWelshPageHasNoEnglishSentence(String path) {
		Document page = Pages.parse(this.site.get(path));

		assertThat(page.selectFirst("html").attr("lang")).as(path).isEqualTo("cy");
		assertNoEnglish(path, page);
	}

	@Test
	void aWelshAlertPageHasNoEnglishSentence() {
		Document archive = this.site.page("/cy/area/wigston/alerts");
		Element first = archive.selectFirst(".ya-alert-archive a");
		assertThat(first).as("a published alert in the demo").isNotNull();
		String path = first.attr("href");
		assertThat(path).startsWith("/cy/area/wigston/alerts/");

		assertNoEnglish(path, this.site.page(path));
	}

	@Test
	void theTeamsRolesAreInWelsh() {
		String main = this.site.page("/cy/area/wigston").select("main").text();

		assertThat(main).containsAnyOf("Cwnstabl yr Heddlu", "Swyddog Cymorth Cymunedol yr Heddlu")
			.doesNotContain("Police Constable", "Police Community Support Officer");
	}

	@Test
	void theContactFormsErrorsAreInWelsh() {
		Visitor visitor = this.site.visitor();
		Document form = visitor.page("/cy/area/wigston/contact");

		Document again = Pages.parse(visitor.submit(form, "form[action$='/contact']", Map.of()));

		assertThat(again.select(".govuk-error-summary")).as("the form comes back with its errors").hasSize(1);
		assertThat(again.selectFirst("form[action$='/contact']").attr("action")).startsWith("/cy/");
		assertNoEnglish("the contact form with errors", again);
	}

	/**
	 * The parts between arguments ({0}, {1,choice,...}) and markup, as a page shows them.
	 */
	private static List<String> fragments(String text) {
		List<String> fragments = new ArrayList<>();
		for (String part : text.replace("''", "'").split("\\{[^}]*}|<[^>]*>|\\|")) {
			String fragment = part.strip().replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
			if (fragment.split("\\s+").length >= WORDS) {
				fragments.add(fragment);
			}
		}
		return fragments;
	}

	private static void assertNoEnglish(String where, Document page) {
		// What staff wrote with no Welsh version is English on purpose, and marked so.
		page.select("[lang=en], [lang=en-GB]").remove();
		String text = page.body().text();
		for (String waiting : untranslated) {
			text = text.replace(waiting, " ");
		}
		List<String> found = new ArrayList<>();
		for (String sentence : englishSentences) {
			if (text.contains(sentence)) {
				found.add(sentence);
			}
		}
		assertThat(found).as("English sentences on the Welsh page " + where).isEmpty();
	}

	private static Properties load(String path) throws IOException {
		Properties bundle = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
			bundle.load(in);
		}
		return bundle;
	}

}
