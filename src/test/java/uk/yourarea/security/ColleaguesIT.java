package uk.yourarea.security;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffAccounts.Colleague;
import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who works where, as the message pages and the response clock's jobs ask it of
 * {@link StaffAccounts}, on the demo force.
 */
@DemoSiteTest
class ColleaguesIT {

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private StaffScope scope;

	@Autowired
	private StaffAccountRepository repository;

	@Autowired
	private NeighbourhoodDirectory neighbourhoods;

	@Test
	void theStaffOfANeighbourhoodAreItsOwnAndThoseOfItsAreaAToZ() {
		NeighbourhoodSummary wigston = neighbourhood("NA54");
		long area = wigston.area().id();

		List<Colleague> working = this.scope.workingIn(wigston.id());

		assertThat(working).extracting(Colleague::email)
			.contains("officer.wigston@example.org", "sergeant@example.org")
			.doesNotContain("officer.oadby@example.org", "webeditor@example.org", "admin@example.org");
		assertThat(working).isSortedAccordingTo(Comparator.comparing(Colleague::name));
		assertThat(this.scope.workingIn(neighbourhood("NA55").id())).extracting(Colleague::email)
			.contains("officer.oadby@example.org", "sergeant@example.org")
			.doesNotContain("officer.wigston@example.org");
	}

	@Test
	void aDisabledAccountWorksNowhere() {
		NeighbourhoodSummary wigston = neighbourhood("NA54");
		StaffAccounts.Account leaving = TestAccounts.create(this.accounts, "Leaving Soon", Set.of(StaffRole.OFFICER),
				Set.of(wigston.id()), Set.of());
		long area = wigston.area().id();
		assertThat(this.scope.workingIn(wigston.id())).extracting(Colleague::id).contains(leaving.id());

		StaffUser admin = this.repository.findByEmail("admin@example.org").orElseThrow().toStaffUser();
		try (ActingAs acting = ActingAs.staff(admin)) {
			this.accounts.disable(leaving.id(), admin);
		}

		assertThat(this.scope.workingIn(wigston.id())).extracting(Colleague::id).doesNotContain(leaving.id());
		assertThat(this.accounts.namesOf(List.of(leaving.id()))).as("a disabled account keeps its name in histories")
			.containsEntry(leaving.id(), "Leaving Soon");
	}

	@Test
	void theSupervisorsAreListedWithTheAreasTheySupervise() {
		long area = neighbourhood("NA54").area().id();

		Map<Colleague, Set<Long>> supervisors = this.accounts.supervisorsWithTheirAreas();

		assertThat(supervisors).hasEntrySatisfying(colleague("sergeant@example.org"),
				(areas) -> assertThat(areas).contains(area));
		assertThat(supervisors.keySet()).extracting(Colleague::email)
			.doesNotContain("officer.wigston@example.org", "webeditor@example.org");
	}

	private Colleague colleague(String email) {
		StaffAccount account = this.repository.findByEmail(email).orElseThrow();
		return new Colleague(account.getId(), account.getName(), account.getEmail());
	}

	private NeighbourhoodSummary neighbourhood(String code) {
		return this.neighbourhoods.byCode(code).orElseThrow();
	}

}
