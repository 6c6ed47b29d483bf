package uk.yourarea.coverage;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import uk.yourarea.postcode.FullPostcode;

/** Giving one postcode to a neighbourhood by hand. */
record OverrideForm(
		@NotBlank(message = "{coverage.override.postcode.blank}") @FullPostcode(
				message = "{coverage.override.postcode.not-full}") @Nullable String postcode,
		@NotNull(message = "{coverage.override.neighbourhood.blank}") @Nullable Long neighbourhoodId) {

	static final List<String> FIELD_ORDER = List.of("postcode", "neighbourhoodId");

	OverrideForm {
		postcode = (postcode != null) ? postcode.strip() : null;
	}

	static OverrideForm blank() {
		return new OverrideForm("", null);
	}

}
