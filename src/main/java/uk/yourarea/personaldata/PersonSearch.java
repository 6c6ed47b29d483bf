package uk.yourarea.personaldata;

import java.util.Locale;

/**
 * Who the desk is looking for, in the form each holder compares with: an email address in
 * lower case, a telephone number as its digits only (so "01632 960 001" finds
 * "01632960001"), a message reference in capitals.
 */
public record PersonSearch(SearchBy by, String term) {

	public PersonSearch {
		term = normalise(by, term);
		if (term.isEmpty()) {
			throw new IllegalArgumentException("Nothing to search for");
		}
	}

	public static PersonSearch email(String address) {
		return new PersonSearch(SearchBy.EMAIL, address);
	}

	public static String normalise(SearchBy by, String term) {
		String trimmed = term.strip();
		return switch (by) {
			case EMAIL -> trimmed.toLowerCase(Locale.ROOT);
			case PHONE -> trimmed.replaceAll("[^0-9]", "");
			case REFERENCE -> trimmed.toUpperCase(Locale.ROOT);
		};
	}

	/** Never the term itself, should a search end up in a log. */
	@Override
	public String toString() {
		return "PersonSearch[by=" + this.by + "]";
	}

}
