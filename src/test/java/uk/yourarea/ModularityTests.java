package uk.yourarea;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The features depend on each other only through their public types, and never in a
 * cycle.
 */
class ModularityTests {

	@Test
	void featuresHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		ApplicationModules.of(YourAreaApplication.class).verify();
	}

}
