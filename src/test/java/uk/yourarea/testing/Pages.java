package uk.yourarea.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading and checking rendered HTML with jsoup. */
public final class Pages {

	/** Text every public page shows while the site runs as a demonstration. */
	public static final String DEMONSTRATION_BANNER = "This is a demonstration site";

	private static final String HEADINGS = "h1, h2, h3, h4, h5, h6";

	/** The GOV.UK error summary's title: an h2 that GOV.UK places above the page's h1. */
	private static final String ERROR_SUMMARY_TITLE = "govuk-error-summary__title";

	private Pages() {
	}

	/**
	 * The language an element is read in: its own {@code lang}, else its nearest
	 * ancestor's (a page marks only text that differs from its own language).
	 */
	public static String languageOf(Element element) {
		Element marked = element.closest("[lang]");
		return (marked != null) ? marked.attr("lang") : "";
	}

	/**
	 * The texts of the elements that are read in this language ({@code cy}, {@code en}).
	 */
	public static List<String> textsIn(List<Element> elements, String language) {
		return elements.stream()
			.filter((element) -> languageOf(element).equals(language) || languageOf(element).startsWith(language + "-"))
			.map(Element::text)
			.toList();
	}

	public static Document parse(HttpResponse<String> response) {
		return Jsoup.parse(response.body(), response.uri().toString());
	}

	public static Document parse(String html) {
		return Jsoup.parse(html);
	}

	/** Every heading in document order, as "h2 Local priorities". */
	public static List<String> headingOutline(Document page) {
		return page.select(HEADINGS).stream().map((heading) -> heading.tagName() + " " + heading.text()).toList();
	}

	/** The text of the h2 headings inside {@code <main>}, in document order. */
	public static List<String> mainSectionHeadings(Document page) {
		return page.select("main h2").eachText();
	}

	/** Headings that are more than one level deeper than the heading before them. */
	public static List<String> skippedHeadingLevels(Document page) {
		List<String> skips = new ArrayList<>();
		int previous = 0;
		for (Element heading : page.select(HEADINGS)) {
			if (heading.hasClass(ERROR_SUMMARY_TITLE)) {
				continue;
			}
			int level = heading.tagName().charAt(1) - '0';
			if (level > previous + 1) {
				skips.add(heading.tagName() + " " + heading.text() + " follows h" + previous);
			}
			previous = level;
		}
		return skips;
	}

	/**
	 * Asserts the structure every public page owes keyboard and screen reader users: the
	 * language, a skip link to the main content, exactly one h1, heading levels that
	 * never skip, a label for every input, a title, and the demonstration banner.
	 */
	public static void assertAccessibleStructure(Document page) {
		String name = page.title();
		assertThat(name).as("the page title").isNotBlank();
		assertThat(page.selectFirst("html")).as("<html> of %s", name).isNotNull();
		assertThat(page.selectFirst("html").attr("lang")).as("language of %s", name).isEqualTo("en-GB");
		assertThat(page.select("a[href=#main-content]")).as("skip link on %s", name).hasSize(1);
		assertThat(page.select("main#main-content")).as("<main id=main-content> on %s", name).hasSize(1);
		assertThat(page.select("h1")).as("h1 headings on %s", name).hasSize(1);
		assertThat(page.selectFirst("h1").text()).as("the h1 of %s", name).isNotBlank();
		assertThat(skippedHeadingLevels(page)).as("headings skipping a level on %s: %s", name, headingOutline(page))
			.isEmpty();
		for (Element input : page.select("input:not([type=hidden]), select, textarea")) {
			String id = input.id();
			assertThat(id).as("id of %s on %s", input, name).isNotBlank();
			assertThat(page.select("label[for=\"" + id + "\"]")).as("label for #%s on %s", id, name).hasSize(1);
		}
		assertThat(page.body().text()).as("demonstration banner on %s", name).contains(DEMONSTRATION_BANNER);
	}

}
