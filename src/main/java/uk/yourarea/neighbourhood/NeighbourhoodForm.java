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
record NeighbourhoodForm(
		@NotBlank(message = "{neighbourhood.form.code.required}") @Pattern(regexp = "^$|[A-Za-z0-9_-]{1,20}",
				message = "{neighbourhood.form.code.format}") @Nullable String code,
		@NotBlank(message = "{neighbourhood.form.name.required}") @Size(max = 150,
				message = "{neighbourhood.form.name.too-long}") @Pattern(regexp = "(?s)^$|.*[\\p{L}\\p{N}].*",
						message = "{neighbourhood.form.name.no-letter}") @Nullable String name,
		@Size(max = 2000, message = "{neighbourhood.form.description.too-long}") @Nullable String description,
		@NotNull(message = "{neighbourhood.form.local-policing-area.required}") @Nullable Long localPolicingAreaId,
		@Size(max = 254, message = "{neighbourhood.form.email.too-long}") @Email(
				regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
				message = "{neighbourhood.form.email.format}") @Nullable String email,
		@Pattern(regexp = "101|\\+?[0-9 ()-]{10,20}",
				message = "{neighbourhood.form.phone.format}") @Nullable String phone,
		@Size(max = 300, message = "{neighbourhood.form.facebook.too-long}") @Pattern(
				regexp = "https://(www\\.|m\\.)?facebook\\.com/[^\\s]+",
				message = "{neighbourhood.form.facebook.format}") @Nullable String facebookUrl,
		@Size(max = 300, message = "{neighbourhood.form.x.too-long}") @Pattern(
				regexp = "https://(www\\.)?(x|twitter)\\.com/[^\\s]+",
				message = "{neighbourhood.form.x.format}") @Nullable String xUrl,
		@Size(max = 300, message = "{neighbourhood.form.instagram.too-long}") @Pattern(
				regexp = "https://(www\\.)?instagram\\.com/[^\\s]+",
				message = "{neighbourhood.form.instagram.format}") @Nullable String instagramUrl,
		@Nullable Long version,
		@Size(max = 150, message = "{neighbourhood.form.name-cy.too-long}") @Pattern(
				regexp = "(?s)^$|.*[\\p{L}\\p{N}].*",
				message = "{neighbourhood.form.name-cy.no-letter}") @Nullable String nameCy,
		@Size(max = 2000, message = "{neighbourhood.form.description-cy.too-long}") @Nullable String descriptionCy) {

	/** The order the fields appear in on the page, for the error summary. */
	static final List<String> FIELD_ORDER = List.of("code", "name", "nameCy", "description", "descriptionCy",
			"localPolicingAreaId", "email", "phone", "facebookUrl", "xUrl", "instagramUrl");

	NeighbourhoodForm {
		code = tidy(code);
		name = (name != null) ? name.strip().replaceAll("\\s+", " ") : null;
		description = paragraphs(description);
		nameCy = (nameCy != null && !nameCy.isBlank()) ? nameCy.strip().replaceAll("\\s+", " ") : null;
		descriptionCy = paragraphs(descriptionCy);
		email = tidy(email);
		phone = tidy(phone);
		facebookUrl = tidy(facebookUrl);
		xUrl = tidy(xUrl);
		instagramUrl = tidy(instagramUrl);
	}

	private static @Nullable String paragraphs(@Nullable String text) {
		return (text != null && !text.isBlank()) ? text.strip().replace("\r\n", "\n") : null;
	}

	private static @Nullable String tidy(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	static NeighbourhoodForm blank() {
		return new NeighbourhoodForm(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	static NeighbourhoodForm of(Neighbourhood neighbourhood) {
		return new NeighbourhoodForm(neighbourhood.getCode(), neighbourhood.getName(), neighbourhood.getDescription(),
				neighbourhood.getLocalPolicingArea().getId(), neighbourhood.getEmail(), neighbourhood.getPhone(),
				neighbourhood.getFacebookUrl(), neighbourhood.getXUrl(), neighbourhood.getInstagramUrl(),
				neighbourhood.getVersion(), neighbourhood.getNameCy(), neighbourhood.getDescriptionCy());
	}

	/**
	 * The same form for a change: the code comes from the neighbourhood, not the browser.
	 */
	NeighbourhoodForm withCode(String savedCode) {
		return new NeighbourhoodForm(savedCode, this.name, this.description, this.localPolicingAreaId, this.email,
				this.phone, this.facebookUrl, this.xUrl, this.instagramUrl, this.version, this.nameCy,
				this.descriptionCy);
	}

	/** After someone else saved: saving again overwrites their version knowingly. */
	NeighbourhoodForm basedOn(long savedVersion) {
		return new NeighbourhoodForm(this.code, this.name, this.description, this.localPolicingAreaId, this.email,
				this.phone, this.facebookUrl, this.xUrl, this.instagramUrl, savedVersion, this.nameCy,
				this.descriptionCy);
	}

	/** The web address the name gives, or null when there is no name yet. */
	@Nullable String slug() {
		return (this.name != null && !this.name.isEmpty()) ? Neighbourhood.slugOf(this.name) : null;
	}

}
