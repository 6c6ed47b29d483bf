package uk.yourarea.postcode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostcodeTableRewriteTests {

	@Test
	void aTableIsRebuiltOnlyForManyChangesThatAreALargeShareOfIt() {
		assertThat(PostcodeTableRewrite.pays(2_600_000, 2_600_000, 50_000)).isTrue();
		assertThat(PostcodeTableRewrite.pays(1_040_000, 2_600_000, 50_000)).as("two fifths").isTrue();
		assertThat(PostcodeTableRewrite.pays(1_000_000, 2_600_000, 50_000)).as("under two fifths").isFalse();
		assertThat(PostcodeTableRewrite.pays(20_000, 21_000, 50_000)).as("too few to matter").isFalse();
		assertThat(PostcodeTableRewrite.pays(20_000, 21_000, 0)).isTrue();
	}

}
