package uk.yourarea.alert;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTextTests {

	@Test
	void blankLinesSeparateParagraphsAndSingleBreaksSeparateLines() {
		AlertText text = AlertText.of("Hello all,\r\nthe beat team here.\n\n\n  Second paragraph.  \n");
		assertThat(text.paragraphs()).hasSize(2);
		assertThat(text.paragraphs().get(0).lines()).hasSize(2);
		assertThat(text.asPlainText()).isEqualTo("Hello all,\nthe beat team here.\n\nSecond paragraph.");
	}

	@Test
	void webAddressesBecomeLinksWithoutTheFullStopAfterThem() {
		AlertText text = AlertText.of("See https://example.org/news?a=1. Or (http://example.net/x).");
		assertThat(text.paragraphs().get(0).lines().get(0)).containsExactly(new AlertText.Part("See ", false),
				new AlertText.Part("https://example.org/news?a=1", true), new AlertText.Part(". Or (", false),
				new AlertText.Part("http://example.net/x", true), new AlertText.Part(").", false));
	}

	@Test
	void markupAndOtherSchemesStayText() {
		AlertText text = AlertText.of("<script>alert(1)</script> javascript:alert(1) <a href=\"x\">x</a>");
		assertThat(text.paragraphs().get(0).lines().get(0)).allSatisfy((part) -> assertThat(part.link()).isFalse());
		assertThat(text.asPlainText()).isEqualTo("<script>alert(1)</script> javascript:alert(1) <a href=\"x\">x</a>");
	}

	@Test
	void aBareSchemeIsNotALink() {
		assertThat(AlertText.of("https:// is not a page").paragraphs().get(0).lines().get(0))
			.containsExactly(new AlertText.Part("https:// is not a page", false));
	}

	@Test
	void theSummaryIsTheFirstParagraphCutAtAWord() {
		AlertText text = AlertText.of("One two three four five six seven.\n\nNot this.");
		assertThat(text.summary(100)).isEqualTo("One two three four five six seven.");
		assertThat(text.summary(20)).isEqualTo("One two three four…");
		assertThat(AlertText.of("").summary(10)).isEmpty();
		assertThat(AlertText.of(" \n \n").paragraphs()).isEqualTo(List.of());
	}

}
