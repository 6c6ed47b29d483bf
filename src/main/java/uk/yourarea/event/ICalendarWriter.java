package uk.yourarea.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar text (RFC 5545): every line ends with CRLF, lines longer than 75
 * octets are folded (a CRLF and a space, never inside a UTF-8 character), and TEXT values
 * are escaped.
 */
final class ICalendarWriter {

	static final String CRLF = "\r\n";

	static final int MAX_OCTETS = 75;

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final StringBuilder out = new StringBuilder();

	/** A property whose value is written as it is (already in iCalendar syntax). */
	ICalendarWriter raw(String name, String value) {
		this.out.append(fold(name + ":" + value));
		return this;
	}

	/** A TEXT property: commas, semicolons, backslashes and line breaks escaped. */
	ICalendarWriter text(String name, String value) {
		return raw(name, escape(value));
	}

	/** A DATE-TIME property in UTC, like 20261201T183000Z. */
	ICalendarWriter utc(String name, Instant instant) {
		return raw(name, UTC.format(instant));
	}

	ICalendarWriter begin(String component) {
		return raw("BEGIN", component);
	}

	ICalendarWriter end(String component) {
		return raw("END", component);
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

	/** Escapes a TEXT value (RFC 5545 section 3.3.11). */
	static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\r' -> {
					escaped.append("\\n");
					if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
						i++;
					}
				}
				case '\n' -> escaped.append("\\n");
				default -> {
					if (c < 0x20 && c != '\t') {
						// Other control characters are not allowed in TEXT.
						continue;
					}
					escaped.append(c);
				}
			}
		}
		return escaped.toString();
	}

	/**
	 * One content line with its CRLF, folded so no line is longer than 75 octets: the
	 * first holds up to 75, each continuation a space and up to 74 more.
	 */
	static String fold(String line) {
		StringBuilder folded = new StringBuilder(line.length() + 8);
		int octets = 0;
		int limit = MAX_OCTETS;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				folded.append(CRLF).append(' ');
				octets = 1;
				limit = MAX_OCTETS;
			}
			folded.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		return folded.append(CRLF).toString();
	}

}
