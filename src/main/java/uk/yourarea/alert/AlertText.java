package uk.yourarea.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain text staff write in an alert, read as paragraphs (split by blank lines) of
 * lines, in which web addresses become links. Staff cannot write HTML: pages render every
 * part as text ({@code alert/fragments/body.html}), so whatever they type shows as typed.
 *
 * @param paragraphs the paragraphs, each a list of lines, each a list of parts
 */
record AlertText(List<Paragraph> paragraphs) {

	/** Only http and https addresses become links; the rest stays text. */
	private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);

	/** Punctuation that ends a sentence rather than an address. */
	private static final String TRAILING_PUNCTUATION = ".,;:!?)]'";

	record Paragraph(List<List<Part>> lines) {
	}

	/**
	 * Text, or a web address to link to.
	 *
	 * @param text what shows
	 * @param link whether it is a web address
	 */
	record Part(String text, boolean link) {
	}

	static AlertText of(String body) {
		String normalised = body.replace("\r\n", "\n").replace('\r', '\n').strip();
		List<Paragraph> paragraphs = new ArrayList<>();
		for (String block : normalised.split("\n\\s*\n")) {
			List<List<Part>> lines = new ArrayList<>();
			for (String line : block.strip().split("\n")) {
				if (!line.isBlank()) {
					lines.add(parts(line.strip()));
				}
			}
			if (!lines.isEmpty()) {
				paragraphs.add(new Paragraph(List.copyOf(lines)));
			}
		}
		return new AlertText(List.copyOf(paragraphs));
	}

	private static List<Part> parts(String line) {
		List<Part> parts = new ArrayList<>();
		Matcher matcher = WEB_ADDRESS.matcher(line);
		int from = 0;
		while (matcher.find()) {
			String address = matcher.group();
			int end = address.length();
			while (end > 0 && TRAILING_PUNCTUATION.indexOf(address.charAt(end - 1)) >= 0) {
				end--;
			}
			address = address.substring(0, end);
			if (address.length() <= "https://".length()) {
				continue;
			}
			if (matcher.start() > from) {
				parts.add(new Part(line.substring(from, matcher.start()), false));
			}
			parts.add(new Part(address, true));
			from = matcher.start() + address.length();
		}
		if (from < line.length()) {
			parts.add(new Part(line.substring(from), false));
		}
		return List.copyOf(parts);
	}

	/** The text as an email shows it: paragraphs separated by a blank line. */
	String asPlainText() {
		List<String> blocks = new ArrayList<>();
		for (Paragraph paragraph : this.paragraphs) {
			List<String> lines = new ArrayList<>();
			for (List<Part> line : paragraph.lines()) {
				lines.add(String.join("", line.stream().map(Part::text).toList()));
			}
			blocks.add(String.join("\n", lines));
		}
		return String.join("\n\n", blocks);
	}

	/**
	 * The first paragraph's words, cut to about {@code length} characters, for lists and
	 * feeds.
	 */
	String summary(int length) {
		if (this.paragraphs.isEmpty()) {
			return "";
		}
		String first = String.join(" ",
				this.paragraphs.get(0)
					.lines()
					.stream()
					.map((line) -> String.join("", line.stream().map(Part::text).toList()))
					.toList());
		if (first.length() <= length) {
			return first;
		}
		int cut = first.lastIndexOf(' ', length);
		return first.substring(0, (cut > length / 2) ? cut : length).strip() + "…";
	}

}
