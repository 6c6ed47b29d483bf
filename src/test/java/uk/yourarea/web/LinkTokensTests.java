package uk.yourarea.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokensTests {

	@Test
	void aNewTokenIsWellFormedAndHashesToThirtyTwoBytes() {
		String token = LinkTokens.newToken();

		assertThat(LinkTokens.isWellFormed(token)).isTrue();
		assertThat(LinkTokens.hash(token)).hasSize(32).isEqualTo(LinkTokens.hash(token));
		assertThat(LinkTokens.newToken()).isNotEqualTo(token);
	}

	@Test
	void onlyFortyThreeCharactersOfUrlSafeBase64AreLookedUp() {
		String token = LinkTokens.newToken();

		assertThat(LinkTokens.isWellFormed(token.substring(1))).isFalse();
		assertThat(LinkTokens.isWellFormed(token + "A")).isFalse();
		assertThat(LinkTokens.isWellFormed("é" + token.substring(1))).as("a letter that is not ASCII").isFalse();
		assertThat(LinkTokens.isWellFormed("/" + token.substring(1))).isFalse();
		assertThat(LinkTokens.isWellFormed("")).isFalse();
	}

}
