package uk.yourarea.web;

import org.junit.jupiter.api.Test;

import uk.yourarea.testing.QrCodeImages;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR codes of the authenticator app's set-up page and of the posters. */
class QrCodesTests {

	@Test
	void aPhoneReadsTheTextBack() {
		String address = "https://yourarea.example.org/area/braunstone-park-and-rowley-fields";

		assertThat(QrCodeImages.decode(QrCodes.dataUri(address))).isEqualTo(address);
	}

	@Test
	void theTextIsNeverPartOfTheMarkup() {
		String svg = QrCodes.svg("\"/><script>alert(1)</script>");

		assertThat(svg).doesNotContain("script").doesNotContain("alert").startsWith("<svg ").endsWith("</svg>");
	}

}
