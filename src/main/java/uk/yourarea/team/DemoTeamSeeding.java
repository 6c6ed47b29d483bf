package uk.yourarea.team;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demonstration force's neighbourhood teams directly, with no change record
 * and no one signed in: for the demo data, loaded before anyone can sign in.
 */
@Component
public class DemoTeamSeeding {

	private final TeamMemberRepository members;

	DemoTeamSeeding(TeamMemberRepository members) {
		this.members = members;
	}

	/**
	 * A team member to create; with a date, the neighbourhood's named officer, confirmed
	 * that day.
	 */
	public record NewMember(String name, Role role, String collarNumber, String bio,
			@Nullable LocalDate namedOfficerConfirmedOn, @Nullable String bioCy) {

		public NewMember(String name, Role role, String collarNumber, String bio) {
			this(name, role, collarNumber, bio, null, null);
		}

		public NewMember asNamedOfficer(LocalDate confirmedOn) {
			return new NewMember(this.name, this.role, this.collarNumber, this.bio, confirmedOn, this.bioCy);
		}

		/** The same member with a Welsh version of their bio. */
		public NewMember withWelshBio(String welsh) {
			return new NewMember(this.name, this.role, this.collarNumber, this.bio, this.namedOfficerConfirmedOn,
					welsh);
		}

	}

	/** Creates a neighbourhood's team, listed on its page in the given order. */
	@Transactional
	public void addTeam(long neighbourhoodId, List<NewMember> team) {
		List<TeamMember> created = new ArrayList<>();
		for (NewMember member : team) {
			TeamMember teamMember = new TeamMember(neighbourhoodId, member.name(), member.role(), member.collarNumber(),
					member.bio(), created.size());
			teamMember.bioInWelsh(member.bioCy());
			if (member.namedOfficerConfirmedOn() != null) {
				teamMember.makeNamedOfficer(member.namedOfficerConfirmedOn());
			}
			created.add(teamMember);
		}
		this.members.saveAll(created);
	}

}
