package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The ward codes a neighbourhood is made of, as typed: one a line (commas and spaces also
 * separate them), and the version of the list the form showed.
 */
record WardCodesForm(@Nullable String wardCodes, @Nullable Long version) {

	/** More than any neighbourhood needs; a pasted file by mistake is refused. */
	static final int MAX_CODES = 300;

	static WardCodesForm of(List<String> codes, long version) {
		return new WardCodesForm(String.join("\n", codes), version);
	}

	/** The codes typed, in upper case, each once, in the order typed. */
	List<String> codes() {
		if (this.wardCodes == null) {
			return List.of();
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String code : this.wardCodes.split("[\\s,;]+")) {
			if (!code.isBlank()) {
				codes.add(code.strip().toUpperCase(Locale.ROOT));
			}
		}
		return new ArrayList<>(codes);
	}

	/** What is wrong with the codes typed, or null. */
	@Nullable String problem() {
		List<String> codes = codes();
		if (codes.size() > MAX_CODES) {
			return "Enter at most " + MAX_CODES + " ward codes";
		}
		List<String> wrong = codes.stream()
			.filter((code) -> !CoverageEditing.WARD_CODE.matcher(code).matches())
			.toList();
		if (wrong.isEmpty()) {
			return null;
		}
		String shown = String.join(", ", wrong.stream().limit(5).map((code) -> "\"" + code + "\"").toList())
				+ ((wrong.size() > 5) ? " and " + (wrong.size() - 5) + " more" : "");
		return ((wrong.size() == 1) ? shown + " is not a ward code" : shown + " are not ward codes")
				+ ". Enter ward codes like E05001789: E05 (England) or W05 (Wales) and 6 digits";
	}

}
