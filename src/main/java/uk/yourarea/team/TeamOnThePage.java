package uk.yourarea.team;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;

/** A neighbourhood's team as residents see it on the neighbourhood's public page. */
@Service
public class TeamOnThePage {

	/**
	 * A team member as the public page shows them.
	 *
	 * @param roleTitle the role in full in the page's language, like "Police Constable"
	 * @param photoPath the photo's address, or {@code null} without a photo
	 * @param photoSrcset the photo at each size for {@code srcset}, or {@code null}
	 * @param nameConfirmedOn when a named officer's details were last confirmed
	 * @param bio the bio in English (open data is English)
	 * @param shownBio the bio as the page being answered shows it: in Welsh on a Welsh
	 * page where there is a Welsh version, else in English, marked as English
	 * @param shownPhotoAlt the photo's description as that page gives it, the same way;
	 * an {@code alt} cannot be marked on its own, so a template marks the {@code img}
	 */
	public record Member(String name, Role role, String roleTitle, @Nullable String collarNumber, @Nullable String bio,
			@Nullable String photoPath, @Nullable String photoSrcset, @Nullable String photoAlt, boolean namedOfficer,
			@Nullable LocalDate nameConfirmedOn, TextIn shownBio, TextIn shownPhotoAlt) {

		public Member(String name, Role role, String roleTitle, @Nullable String collarNumber, @Nullable String bio,
				@Nullable String photoPath, @Nullable String photoSrcset, @Nullable String photoAlt,
				boolean namedOfficer, @Nullable LocalDate nameConfirmedOn) {
			this(name, role, roleTitle, collarNumber, bio, photoPath, photoSrcset, photoAlt, namedOfficer,
					nameConfirmedOn, new TextIn(bio, null), new TextIn(photoAlt, null));
		}

	}

	private final TeamMemberRepository members;

	private final MessageSource messages;

	TeamOnThePage(TeamMemberRepository members, MessageSource messages) {
		this.members = members;
		this.messages = messages;
	}

	/**
	 * The neighbourhood's team in the order its editors gave it, then by name, in English
	 * (open data is English).
	 */
	@Transactional(readOnly = true)
	public List<Member> of(long neighbourhoodId) {
		return of(neighbourhoodId, Languages.ENGLISH);
	}

	/**
	 * The neighbourhood's team as a page in the given language shows it: roles in its
	 * words, and bios and photo descriptions in Welsh on a Welsh page where there is a
	 * Welsh version.
	 */
	@Transactional(readOnly = true)
	public List<Member> of(long neighbourhoodId, Locale language) {
		return this.members.findByNeighbourhoodIdOrderByDisplayOrderAscNameAsc(neighbourhoodId)
			.stream()
			.map((member) -> member(member, language))
			.toList();
	}

	/**
	 * The neighbourhoods with a team member whose bio has no Welsh version, for the
	 * Guarantee's check of the Welsh site.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<Long> withBiosWithoutWelsh() {
		return java.util.Set.copyOf(this.members.neighbourhoodsWithBiosWithoutWelsh());
	}

	private Member member(TeamMember member, Locale language) {
		return new Member(member.getName(), member.getRole(),
				this.messages.getMessage(member.getRole().titleKey(), null, language), member.getCollarNumber(),
				member.getBio(), member.getPhotoPath(), member.getPhotoSrcset(), member.getPhotoAlt(),
				member.isNamedOfficer(), member.getNameConfirmedOn(), member.bioIn(language),
				member.photoAltIn(language));
	}

}
