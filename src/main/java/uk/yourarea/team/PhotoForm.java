package uk.yourarea.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The words that go with a photo, for people who cannot see it, in English and, if the
 * editor writes it, in Welsh; and the version of the member the form was opened with. The
 * file itself comes as a separate multipart part.
 */
record PhotoForm(
		@NotBlank(message = "{team.photo.alt.required}") @Size(max = 200,
				message = "{team.photo.alt.too-long}") @Nullable String alt,
		@Nullable Long version, @Size(max = 200, message = "{team.photo.alt-cy.too-long}") @Nullable String altCy) {

	PhotoForm {
		alt = (alt != null) ? alt.strip() : null;
		altCy = (altCy != null) ? altCy.strip() : null;
	}

	static PhotoForm of(TeamMember member) {
		return new PhotoForm(member.getPhotoAlt(), member.getVersion(), member.getPhotoAltCy());
	}

}
