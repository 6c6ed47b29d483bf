package uk.yourarea.team;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.yourarea.testing.Bundles;

/**
 * A role's title and the names it gives people are keys of the bundles: the full title in
 * messages.properties with its Welsh (the public team list says it), the names it gives
 * members in staff.properties.
 */
class RoleWordingTests {

	@Test
	void everyRoleHasItsTitleInBothLanguages() {
		Bundles.assertResidentKeys("the roles' titles", Arrays.stream(Role.values()).map(Role::titleKey).toList());
	}

	@Test
	void everyRoleNamesItsMembersWithAndWithoutACollarNumber() {
		Bundles.assertStaffKeys("the roles' titled names",
				Arrays.stream(Role.values())
					.flatMap((role) -> Stream.of(role.titledNameKey(false), role.titledNameKey(true)))
					.distinct()
					.toList());
	}

	@Test
	void everyRoleHasItsValueInTheChangeRecords() {
		Bundles.assertStaffKeys("the roles in change records",
				Arrays.stream(Role.values()).map(Role::changeKey).toList());
	}

}
