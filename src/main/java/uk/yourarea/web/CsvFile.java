package uk.yourarea.web;

import java.util.List;

/**
 * Comma-separated values as RFC 4180 describes them (CRLF line ends, fields quoted when
 * they hold a comma, quote or line break, quotes doubled), made safe to open in a
 * spreadsheet: a field a spreadsheet would read as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so that nothing
 * residents or staff typed can run as a formula when the file is opened. Every CSV the
 * site offers is written with it.
 */
public final class CsvFile {

	private final StringBuilder text = new StringBuilder();

	/** Adds a row of fields. */
	public CsvFile row(List<String> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				this.text.append(',');
			}
			this.text.append(field(fields.get(i)));
		}
		this.text.append("\r\n");
		return this;
	}

	/** Adds a row of fields. */
	public CsvFile row(String... fields) {
		return row(List.of(fields));
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

	/** One field, neutralised and quoted as needed. */
	public static String field(String value) {
		String safe = value;
		if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
				|| safe.indexOf('\r') >= 0;
		return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

}
