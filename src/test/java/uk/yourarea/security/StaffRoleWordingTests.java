package uk.yourarea.security;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import uk.yourarea.testing.Bundles;

/**
 * A staff role's name and what it allows are keys of staff.properties, which the account
 * pages say.
 */
class StaffRoleWordingTests {

	@Test
	void everyRoleHasItsNameAndDescriptionInStaffProperties() {
		Bundles.assertStaffKeys("the roles' names",
				Arrays.stream(StaffRole.values()).map(StaffRole::labelKey).toList());
		Bundles.assertStaffKeys("the roles' descriptions",
				Arrays.stream(StaffRole.values()).map(StaffRole::descriptionKey).toList());
	}

}
