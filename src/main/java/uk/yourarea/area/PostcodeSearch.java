package uk.yourarea.area;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.SingleLine;

/** What a resident typed into "Find your local policing team". */
record PostcodeSearch(@SingleLine(message = "{area.find.postcode.characters}") @Size(max = PostcodeSearch.LONGEST,
		message = "{area.find.postcode.too-long}") @Nullable String postcode) {

	/**
	 * Far longer than any postcode, with spaces: anything longer was not typed as one.
	 */
	static final int LONGEST = 40;

}
