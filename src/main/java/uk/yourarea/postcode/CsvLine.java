package uk.yourarea.postcode;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of RFC 4180 CSV (quoted fields, doubled quotes) into its fields. */
final class CsvLine {

	private CsvLine() {
	}

	static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	/**
	 * Quotes a value for PostgreSQL's COPY in CSV format; null becomes an empty unquoted
	 * field.
	 */
	static void appendCopyField(StringBuilder out, Object value) {
		if (value == null) {
			return;
		}
		String text = value.toString();
		out.append('"').append(text.replace("\"", "\"\"")).append('"');
	}

}
