package uk.yourarea.coverage;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** Giving one postcode to a neighbourhood by hand. */
record OverrideForm(@NotBlank(message = "Enter a postcode, like LE1 6ZG") @Nullable String postcode,
		@NotNull(message = "Select the neighbourhood to give the postcode to") @Nullable Long neighbourhoodId) {

	static final List<String> FIELD_ORDER = List.of("postcode", "neighbourhoodId");

	OverrideForm {
		postcode = (postcode != null) ? postcode.strip() : null;
	}

	static OverrideForm blank() {
		return new OverrideForm("", null);
	}

}
