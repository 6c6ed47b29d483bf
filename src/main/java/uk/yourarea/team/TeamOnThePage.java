package uk.yourarea.team;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A neighbourhood's team as residents see it on the neighbourhood's public page. */
@Service
public class TeamOnThePage {

	/**
	 * A team member as the public page shows them.
	 *
	 * @param roleTitle the role in full, like "Police Constable"
	 * @param photoPath the photo's address, or {@code null} without a photo
	 * @param photoSrcset the photo at each size for {@code srcset}, or {@code null}
	 * @param nameConfirmedOn when a named officer's details were last confirmed
	 */
	public record Member(String name, String roleTitle, @Nullable String collarNumber, @Nullable String bio,
			@Nullable String photoPath, @Nullable String photoSrcset, @Nullable String photoAlt, boolean namedOfficer,
			@Nullable LocalDate nameConfirmedOn) {
	}

	private final TeamMemberRepository members;

	TeamOnThePage(TeamMemberRepository members) {
		this.members = members;
	}

	/** The neighbourhood's team in the order its editors gave it, then by name. */
	@Transactional(readOnly = true)
	public List<Member> of(long neighbourhoodId) {
		return this.members.findByNeighbourhoodIdOrderByDisplayOrderAscNameAsc(neighbourhoodId)
			.stream()
			.map(TeamOnThePage::member)
			.toList();
	}

	private static Member member(TeamMember member) {
		return new Member(member.getName(), member.getRole().title(), member.getCollarNumber(), member.getBio(),
				member.getPhotoPath(), member.getPhotoSrcset(), member.getPhotoAlt(), member.isNamedOfficer(),
				member.getNameConfirmedOn());
	}

}
