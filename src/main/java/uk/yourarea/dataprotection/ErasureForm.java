package uk.yourarea.dataprotection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.personaldata.SearchBy;
import uk.yourarea.web.PlainText;

/**
 * An erasure on request: who (the search, carried in hidden fields of the confirmation
 * page) and why.
 */
record ErasureForm(@Nullable SearchBy by, @Nullable String term,
		@NotBlank(message = "{dataprotection.erase.reason.required}") @Size(max = 500,
				message = "{dataprotection.erase.reason.too-long}") @PlainText(
						message = "{dataprotection.erase.reason.characters}") @Nullable String reason) {

	SearchForm search() {
		return new SearchForm(this.by, this.term);
	}

}
