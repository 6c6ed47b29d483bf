package uk.yourarea.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a CSV file (RFC 4180: commas, CRLF, quotes doubled). A cell a spreadsheet would
 * take for a formula (starting with {@code = + - @}, a tab or a carriage return) gets a
 * leading apostrophe, so names typed by staff can never run as formulas when opened.
 */
final class Csv {

	private final StringBuilder text = new StringBuilder();

	Csv line(String... cells) {
		List<String> quoted = new ArrayList<>();
		for (String cell : cells) {
			String safe = (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) ? "'" + cell : cell;
			boolean needsQuotes = safe.chars().anyMatch((c) -> c == '"' || c == ',' || c == '\r' || c == '\n');
			quoted.add(needsQuotes ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe);
		}
		this.text.append(String.join(",", quoted)).append("\r\n");
		return this;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
