package uk.yourarea.dataprotection;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.personaldata.SearchBy;
import uk.yourarea.web.SingleLine;

/**
 * Who the data protection officer is looking for: an email address, a telephone number or
 * a message reference. Sent with POST only, so that the person searched for never appears
 * in an address, a browser's history or an access log.
 */
record SearchForm(@NotNull(message = "{dataprotection.search.by.required}") @Nullable SearchBy by,
		@NotBlank(message = "{dataprotection.search.term.required}") @Size(max = 254,
				message = "{dataprotection.search.term.too-long}") @SingleLine(
						message = "{dataprotection.search.term.characters}") @Nullable String term) {

	private static final Pattern REFERENCE = Pattern.compile("YA-[A-Z0-9]{4}-[A-Z0-9]{4}");

	private static final int FEWEST_PHONE_DIGITS = 6;

	static SearchForm blank() {
		return new SearchForm(null, "");
	}

	/**
	 * The bundle key of what is wrong with the term for what it is searched by, beyond
	 * the annotations: an email address without an @, a telephone number of too few
	 * digits, a reference not like YA-7K3M-Q9P2.
	 */
	Optional<String> termProblem() {
		if (this.by == null || this.term == null || this.term.isBlank()) {
			return Optional.empty();
		}
		String normalised = PersonSearch.normalise(this.by, this.term);
		boolean fine = switch (this.by) {
			case EMAIL -> normalised.indexOf('@') > 0 && normalised.indexOf('@') < normalised.length() - 1;
			case PHONE -> normalised.length() >= FEWEST_PHONE_DIGITS;
			case REFERENCE -> REFERENCE.matcher(normalised).matches();
		};
		return fine ? Optional.empty() : Optional.of("dataprotection.search.term." + this.by.name().toLowerCase());
	}

	/** The search, once the form has no problems. */
	PersonSearch toSearch() {
		if (this.by == null || this.term == null) {
			throw new IllegalStateException("The form was not checked");
		}
		return new PersonSearch(this.by, this.term);
	}

}
