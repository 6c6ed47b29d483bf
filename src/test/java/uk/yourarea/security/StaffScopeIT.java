package uk.yourarea.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which neighbourhoods' messages each kind of member of staff may see, on the demo force.
 */
@DemoSiteTest
class StaffScopeIT {

	@Autowired
	private StaffScope scope;

	@Autowired
	private StaffAccountRepository repository;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private NeighbourhoodDirectory neighbourhoods;

	@Test
	void anOfficerSeesOnlyTheirOwnNeighbourhood() {
		long wigston = id("NA54");

		assertThat(this.scope.neighbourhoodIdsVisibleTo(demo("officer.wigston@example.org"))).containsExactly(wigston);
		assertThat(this.scope.neighbourhoodIdsVisibleTo(demo("officer.oadby@example.org"))).containsExactly(id("NA55"));
		assertThat(this.scope.canSee(demo("officer.wigston@example.org"), wigston)).isTrue();
		assertThat(this.scope.canSee(demo("officer.wigston@example.org"), id("NA55"))).isFalse();
	}

	@Test
	void aSupervisorSeesEveryNeighbourhoodOfTheirLocalPolicingArea() {
		Set<Long> area = this.neighbourhoods.all()
			.stream()
			.filter((n) -> n.area().code().equals("HOW"))
			.map(NeighbourhoodSummary::id)
			.collect(Collectors.toSet());

		Set<Long> visible = this.scope.neighbourhoodIdsVisibleTo(demo("sergeant@example.org"));

		assertThat(visible).contains(id("NA54"), id("NA55"), id("NA53")).doesNotContain(id("NC04"));
		assertThat(visible).containsExactlyInAnyOrderElementsOf(area);
		assertThat(area).hasSizeGreaterThan(2);
	}

	@Test
	void aWebEditorSeesNoMessagesEvenWhenGivenANeighbourhood() {
		assertThat(this.scope.neighbourhoodIdsVisibleTo(demo("webeditor@example.org"))).isEmpty();
		StaffAccounts.Account editor = TestAccounts.create(this.accounts, "Editor With Area",
				Set.of(StaffRole.WEB_EDITOR), Set.of(id("NA54")), Set.of());

		assertThat(this.scope.neighbourhoodIdsVisibleTo(TestAccounts.userOf(editor))).isEmpty();
		assertThat(this.scope.canSee(TestAccounts.userOf(editor), id("NA54"))).isFalse();
	}

	@Test
	void anAdministratorSeesEveryNeighbourhood() {
		assertThat(this.scope.neighbourhoodIdsVisibleTo(demo("admin@example.org")))
			.hasSize((int) this.neighbourhoods.all().size());
	}

	@Test
	void aSupervisorAlsoSeesNeighbourhoodsGivenToThemDirectly() {
		StaffAccounts.Account supervisor = TestAccounts.create(this.accounts, "Two Hats", Set.of(StaffRole.SUPERVISOR),
				Set.of(id("NC04")), Set.of(neighbourhood("NA54").area().id()));

		assertThat(this.scope.neighbourhoodIdsVisibleTo(TestAccounts.userOf(supervisor))).contains(id("NC04"),
				id("NA54"), id("NA55"));
	}

	@Test
	void aDisabledAccountSeesNothingAndChangesApplyAtOnce() {
		StaffAccounts.Account officer = TestAccounts.create(this.accounts, "Moving On", Set.of(StaffRole.OFFICER),
				Set.of(id("NA54")), Set.of());
		StaffUser user = TestAccounts.userOf(officer);
		StaffUser admin = demo("admin@example.org");
		assertThat(this.scope.neighbourhoodIdsVisibleTo(user)).containsExactly(id("NA54"));

		try (ActingAs acting = ActingAs.staff(admin)) {
			this.accounts.update(officer.id(), officer.version(), new StaffAccounts.Details(officer.name(),
					officer.email(), Set.of(StaffRole.OFFICER), Set.of(id("NA55")), Set.of()), admin);
		}
		assertThat(this.scope.neighbourhoodIdsVisibleTo(user)).as("the same StaffUser after a change")
			.containsExactly(id("NA55"));

		try (ActingAs acting = ActingAs.staff(admin)) {
			this.accounts.disable(officer.id(), admin);
		}
		assertThat(this.scope.neighbourhoodIdsVisibleTo(user)).isEmpty();
		assertThat(this.scope.canSee(user, id("NA55"))).isFalse();
	}

	@Test
	void whoWorksInANeighbourhoodFollowsTheSameRuleAsWhoSeesItsMessages() {
		long wigston = id("NA54");
		StaffAccounts.Account editor = TestAccounts.create(this.accounts, "Editor Given Wigston",
				Set.of(StaffRole.WEB_EDITOR), Set.of(wigston), Set.of());
		StaffAccounts.Account leaving = TestAccounts.create(this.accounts, "Officer Leaving Wigston",
				Set.of(StaffRole.OFFICER), Set.of(wigston), Set.of());
		StaffUser admin = demo("admin@example.org");
		try (ActingAs acting = ActingAs.staff(admin)) {
			this.accounts.disable(leaving.id(), admin);
		}

		List<String> team = this.scope.workingIn(wigston).stream().map(StaffAccounts.Colleague::email).toList();

		assertThat(team).contains("officer.wigston@example.org", "sergeant@example.org")
			.doesNotContain("officer.oadby@example.org", "admin@example.org", "webeditor@example.org", editor.email(),
					leaving.email());
		assertThat(this.scope.workingInEach(List.of(wigston, id("NC04"))).get(id("NC04")))
			.extracting(StaffAccounts.Colleague::email)
			.doesNotContain("officer.wigston@example.org", "sergeant@example.org");
		assertThat(this.scope.workingIn(-1)).isEmpty();
	}

	private StaffUser demo(String email) {
		return this.repository.findByEmail(email).orElseThrow().toStaffUser();
	}

	private NeighbourhoodSummary neighbourhood(String code) {
		return this.neighbourhoods.byCode(code).orElseThrow();
	}

	private long id(String code) {
		return this.neighbourhoods.byCode(code).orElseThrow().id();
	}

}
