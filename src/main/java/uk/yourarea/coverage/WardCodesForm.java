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

	/** What is wrong with the codes typed: the bundle's key and its arguments. */
	record Problem(String key, Object... arguments) {
	}

	/** What is wrong with the codes typed, or null. */
	@Nullable Problem problem() {
		List<String> codes = codes();
		if (codes.size() > MAX_CODES) {
			return new Problem("coverage.wards.too-many", String.valueOf(MAX_CODES));
		}
		List<String> wrong = codes.stream()
			.filter((code) -> !CoverageEditing.WARD_CODE.matcher(code).matches())
			.toList();
		if (wrong.isEmpty()) {
			return null;
		}
		String shown = String.join(", ", wrong.stream().limit(5).map((code) -> "\"" + code + "\"").toList());
		if (wrong.size() > 5) {
			return new Problem("coverage.wards.not-codes-and-more", shown, String.valueOf(wrong.size() - 5));
		}
		return new Problem((wrong.size() == 1) ? "coverage.wards.not-a-code" : "coverage.wards.not-codes", shown);
	}

}
