package uk.yourarea.neighbourhood;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a web editor types to add a neighbourhood or change one: only the fields they may
 * set. {@code code} is for a new neighbourhood only (other systems know it by its code);
 * {@code version} for a change only. The limits are the database's.
 */
record NeighbourhoodForm(@NotBlank(message = "Enter a code") @Pattern(regexp = "^$|[A-Za-z0-9_-]{1,20}",
		message = "Code must be 20 characters or fewer: letters, numbers, hyphens (-) and underscores (_) only, like NA54") @Nullable String code,
		@NotBlank(message = "Enter a name") @Size(max = 150, message = "Name must be 150 characters or fewer") @Pattern(
				regexp = "(?s)^$|.*[\\p{L}\\p{N}].*",
				message = "Name must include at least one letter or number") @Nullable String name,
		@Size(max = 2000, message = "Description must be 2,000 characters or fewer") @Nullable String description,
		@NotNull(message = "Select a local policing area") @Nullable Long localPolicingAreaId,
		@Size(max = 254, message = "Email address must be 254 characters or fewer") @Email(
				regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "Enter an email address in the correct format, like wigston.team@example.org") @Nullable String email,
		@Pattern(regexp = "101|\\+?[0-9 ()-]{10,20}",
				message = "Enter a telephone number, like 0116 222 2222, or 101") @Nullable String phone,
		@Size(max = 300, message = "Facebook address must be 300 characters or fewer") @Pattern(
				regexp = "https://(www\\.|m\\.)?facebook\\.com/[^\\s]+",
				message = "Enter a Facebook address starting https://www.facebook.com/") @Nullable String facebookUrl,
		@Size(max = 300, message = "X address must be 300 characters or fewer") @Pattern(
				regexp = "https://(www\\.)?(x|twitter)\\.com/[^\\s]+",
				message = "Enter an X address starting https://x.com/") @Nullable String xUrl,
		@Size(max = 300, message = "Instagram address must be 300 characters or fewer") @Pattern(
				regexp = "https://(www\\.)?instagram\\.com/[^\\s]+",
				message = "Enter an Instagram address starting https://www.instagram.com/") @Nullable String instagramUrl,
		@Nullable Long version) {

	/** The order the fields appear in on the page, for the error summary. */
	static final List<String> FIELD_ORDER = List.of("code", "name", "description", "localPolicingAreaId", "email",
			"phone", "facebookUrl", "xUrl", "instagramUrl");

	NeighbourhoodForm {
		code = tidy(code);
		name = (name != null) ? name.strip().replaceAll("\\s+", " ") : null;
		description = (description != null && !description.isBlank()) ? description.strip().replace("\r\n", "\n")
				: null;
		email = tidy(email);
		phone = tidy(phone);
		facebookUrl = tidy(facebookUrl);
		xUrl = tidy(xUrl);
		instagramUrl = tidy(instagramUrl);
	}

	private static @Nullable String tidy(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	static NeighbourhoodForm blank() {
		return new NeighbourhoodForm(null, null, null, null, null, null, null, null, null, null);
	}

	static NeighbourhoodForm of(Neighbourhood neighbourhood) {
		return new NeighbourhoodForm(neighbourhood.getCode(), neighbourhood.getName(), neighbourhood.getDescription(),
				neighbourhood.getLocalPolicingArea().getId(), neighbourhood.getEmail(), neighbourhood.getPhone(),
				neighbourhood.getFacebookUrl(), neighbourhood.getXUrl(), neighbourhood.getInstagramUrl(),
				neighbourhood.getVersion());
	}

	/**
	 * The same form for a change: the code comes from the neighbourhood, not the browser.
	 */
	NeighbourhoodForm withCode(String savedCode) {
		return new NeighbourhoodForm(savedCode, this.name, this.description, this.localPolicingAreaId, this.email,
				this.phone, this.facebookUrl, this.xUrl, this.instagramUrl, this.version);
	}

	/** After someone else saved: saving again overwrites their version knowingly. */
	NeighbourhoodForm basedOn(long savedVersion) {
		return new NeighbourhoodForm(this.code, this.name, this.description, this.localPolicingAreaId, this.email,
				this.phone, this.facebookUrl, this.xUrl, this.instagramUrl, savedVersion);
	}

	/** The web address the name gives, or null when there is no name yet. */
	@Nullable String slug() {
		return (this.name != null && !this.name.isEmpty()) ? Neighbourhood.slugOf(this.name) : null;
	}

}
