package uk.yourarea.team;

import org.junit.jupiter.api.Test;

import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;

import static org.assertj.core.api.Assertions.assertThat;

/** A team member's bio in Welsh. */
class TeamMemberInWelshTests {

	@Test
	void theBioIsInWelshOnAWelshPageWhereThereIsOne() {
		TeamMember member = new TeamMember(1L, "Jordan Ellis", Role.PC, "4127", "I walk the precinct.", 0);
		member.bioInWelsh("Rydw i'n cerdded y ganolfan.");

		assertThat(member.bioIn(Languages.WELSH)).isEqualTo(new TextIn("Rydw i'n cerdded y ganolfan.", null));
		assertThat(member.bioIn(Languages.ENGLISH)).isEqualTo(new TextIn("I walk the precinct.", null));
		assertThat(member.lacksWelshBio()).isFalse();
	}

	@Test
	void withoutWelshAWelshPageShowsTheEnglishMarkedAsEnglish() {
		TeamMember member = new TeamMember(1L, "Sam Webb", Role.PCSO, null, "I know every shop.", 1);

		assertThat(member.bioIn(Languages.WELSH)).isEqualTo(new TextIn("I know every shop.", "en"));
		assertThat(member.lacksWelshBio()).isTrue();
		assertThat(new TeamMember(1L, "Ash Patel", Role.SERGEANT, null, null, 2).lacksWelshBio()).isFalse();
	}

}
