package uk.yourarea.team;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import uk.yourarea.team.PhotoChecks.Prepared;
import uk.yourarea.team.PhotoChecks.Problem;
import uk.yourarea.team.PhotoChecks.Rejected;
import uk.yourarea.team.PhotoChecks.Rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PhotoChecksTests {

	@Test
	void aJpegFromAPhoneBecomesTwoPortraitJpegsWithoutItsExifOrLocation() throws Exception {
		byte[] upload = TestImages.jpegWithExif(400, 500, 1);
		assertThat(TestImages.contains(upload, "Exif".getBytes(StandardCharsets.ISO_8859_1))).isTrue();

		Prepared photo = PhotoChecks.prepare(upload);

		assertThat(photo.hash()).matches("[0-9a-f]{64}");
		assertThat(photo.renditions()).extracting(Rendition::width).containsExactly(160, 320);
		for (Rendition rendition : photo.renditions()) {
			BufferedImage image = decode(rendition.jpeg());
			assertThat(image.getWidth()).isEqualTo(rendition.width());
			assertThat(image.getHeight()).isEqualTo(rendition.height());
			assertThat(rendition.height() * 4).isEqualTo(rendition.width() * 5);
			assertThat(hasSegment(rendition.jpeg(), 0xE1)).as("an APP1 (EXIF or XMP) segment").isFalse();
			assertThat(TestImages.contains(rendition.jpeg(), "Exif".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
			assertThat(TestImages.contains(rendition.jpeg(), new byte[] { 0, 2, 0, 5, 0, 0, 0, 3 }))
				.as("the GPS latitude entry")
				.isFalse();
		}
	}

	@Test
	void theExifOrientationIsAppliedSoThePhotoIsTheRightWayUp() throws Exception {
		// Stored sideways (landscape, red on the left): orientation 6 says turn it 90°
		// clockwise, so red ends up at the top.
		Prepared photo = PhotoChecks.prepare(TestImages.jpegWithExif(500, 400, 6));

		BufferedImage large = decode(photo.renditions().get(1).jpeg());
		assertThat(large.getWidth()).isEqualTo(320);
		assertThat(large.getHeight()).isEqualTo(400);
		assertThat(isRed(large.getRGB(160, 40))).as("top is red").isTrue();
		assertThat(isBlue(large.getRGB(160, 360))).as("bottom is blue").isTrue();
	}

	@Test
	void withoutAnOrientationTheLeftStaysLeft() throws Exception {
		BufferedImage large = decode(PhotoChecks.prepare(TestImages.jpeg(400, 500)).renditions().get(1).jpeg());

		assertThat(isRed(large.getRGB(40, 200))).isTrue();
		assertThat(isBlue(large.getRGB(280, 200))).isTrue();
	}

	@Test
	void aPngIsAcceptedAndStoredAsJpeg() throws Exception {
		Prepared photo = PhotoChecks.prepare(TestImages.png(800, 600));

		byte[] jpeg = photo.renditions().get(0).jpeg();
		assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
		assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
		assertThat(decode(jpeg).getWidth()).isEqualTo(160);
	}

	@Test
	void aTransparentPngIsPutOnWhite() throws Exception {
		BufferedImage large = decode(
				PhotoChecks.prepare(TestImages.transparentPng(400, 500)).renditions().get(1).jpeg());

		Color corner = new Color(large.getRGB(2, 2));
		assertThat(corner.getRed()).isGreaterThan(240);
		assertThat(corner.getGreen()).isGreaterThan(240);
		assertThat(corner.getBlue()).isGreaterThan(240);
	}

	@Test
	void aBigPhotoIsDecodedSubsampledAndScaledDown() throws Exception {
		Prepared photo = PhotoChecks.prepare(TestImages.jpeg(3000, 4000));

		assertThat(decode(photo.renditions().get(1).jpeg()).getHeight()).isEqualTo(400);
	}

	@Test
	void theSamePhotoHasTheSameHashAndADifferentOneADifferentHash() throws Exception {
		byte[] upload = TestImages.png(400, 500);

		assertThat(PhotoChecks.prepare(upload).hash()).isEqualTo(PhotoChecks.prepare(upload).hash());
		assertThat(PhotoChecks.prepare(TestImages.png(400, 500)).hash())
			.isNotEqualTo(PhotoChecks.prepare(TestImages.transparentPng(400, 500)).hash());
	}

	@Test
	void aMultiPictureJpegFromAPhoneIsAccepted() throws Exception {
		assertThat(PhotoChecks.prepare(TestImages.multiPictureJpeg()).renditions()).hasSize(2);
	}

	@Test
	void trailingZeroPaddingIsHarmless() throws Exception {
		assertThat(PhotoChecks.prepare(TestImages.concat(TestImages.jpeg(400, 500), new byte[16])).renditions())
			.hasSize(2);
	}

	@Test
	void refusesAnEmptyFile() {
		assertRejected(new byte[0], Problem.EMPTY);
	}

	@Test
	void refusesAFileOverFiveMegabytes() {
		assertRejected(TestImages.bigFile(6 * 1024 * 1024), Problem.TOO_BIG);
	}

	@Test
	void refusesAGif() {
		assertRejected(TestImages.gif(400, 500), Problem.GIF);
	}

	@Test
	void refusesAnSvgWhateverItIsCalled() {
		assertRejected(TestImages.svg(), Problem.SVG);
	}

	@Test
	void refusesOtherFiles() {
		assertRejected("Just some text".getBytes(StandardCharsets.UTF_8), Problem.NOT_JPEG_OR_PNG);
		assertRejected("<html><body>Hello</body></html>".getBytes(StandardCharsets.UTF_8), Problem.NOT_JPEG_OR_PNG);
		assertRejected(new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 }, Problem.NOT_JPEG_OR_PNG);
	}

	@Test
	void refusesAJpegWithAWebPageAfterItsEnd() {
		assertRejected(TestImages.jpegWithHtmlAfterTheEnd(), Problem.EXTRA_DATA);
	}

	@Test
	void refusesAPngWithAZipAfterItsEnd() {
		assertRejected(TestImages.pngWithZipAfterTheEnd(), Problem.EXTRA_DATA);
	}

	@Test
	void refusesAJpegWithAScriptInItsMetadata() {
		assertRejected(TestImages.jpegWithScriptInAComment(), Problem.HIDDEN_CONTENT);
	}

	@Test
	void refusesAPngWithAScriptInATextChunk() {
		byte[] png = TestImages.png(400, 500);
		byte[] withText = TestImages.concat(java.util.Arrays.copyOf(png, 33),
				TestImages.chunk("tEXt", "Comment\0<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1)),
				java.util.Arrays.copyOfRange(png, 33, png.length));

		assertRejected(withText, Problem.HIDDEN_CONTENT);
	}

	@Test
	void refusesATruncatedJpeg() {
		assertRejected(TestImages.truncated(TestImages.jpeg(400, 500)), Problem.DAMAGED);
	}

	@Test
	void refusesAJpegWithoutItsEndMarker() {
		byte[] jpeg = TestImages.jpeg(400, 500);
		assertRejected(java.util.Arrays.copyOf(jpeg, jpeg.length - 2), Problem.DAMAGED);
	}

	@Test
	void refusesATruncatedPng() {
		assertRejected(TestImages.truncated(TestImages.png(400, 500)), Problem.DAMAGED);
	}

	@Test
	void refusesAPngWithABadChecksum() {
		byte[] png = TestImages.png(400, 500);
		png[40] ^= 0x55;
		assertRejected(png, Problem.DAMAGED);
	}

	@Test
	void refusesHugeDimensionsBeforeDecodingAnything() {
		assertRejected(TestImages.pngClaiming(50_000, 50_000), Problem.TOO_MANY_PIXELS);
		assertRejected(TestImages.pngClaiming(9_000, 500), Problem.TOO_MANY_PIXELS);
		assertRejected(TestImages.pngClaiming(7_000, 7_000), Problem.TOO_MANY_PIXELS);
	}

	@Test
	void refusesAPhotoTooSmallForTheHighDensitySize() {
		assertRejected(TestImages.jpeg(200, 250), Problem.TOO_SMALL);
		assertRejected(TestImages.png(319, 500), Problem.TOO_SMALL);
	}

	@Test
	void everyProblemHasItsOwnMessage() {
		assertThat(java.util.Arrays.stream(Problem.values()).map(Problem::messageKey).distinct())
			.hasSize(Problem.values().length);
	}

	@Test
	void readsTheOrientationOfLittleEndianExifToo() {
		byte[] tiff = { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0 };

		assertThat(PhotoChecks.exifOrientation(tiff, 0, tiff.length)).isEqualTo(8);
		assertThat(PhotoChecks.exifOrientation(tiff, 0, 10)).as("cut short").isEqualTo(1);
	}

	private static void assertRejected(byte[] file, Problem problem) {
		assertThatExceptionOfType(Rejected.class).isThrownBy(() -> PhotoChecks.prepare(file))
			.satisfies((rejected) -> assertThat(rejected.problem()).isEqualTo(problem));
	}

	private static BufferedImage decode(byte[] jpeg) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
		assertThat(image).isNotNull();
		return image;
	}

	/** Whether a JPEG has a segment with this marker before its image data. */
	private static boolean hasSegment(byte[] jpeg, int marker) {
		int pos = 2;
		while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
			int found = jpeg[pos + 1] & 0xFF;
			if (found == marker) {
				return true;
			}
			if (found == 0xDA) {
				return false;
			}
			pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
		}
		return false;
	}

	private static boolean isRed(int rgb) {
		Color colour = new Color(rgb);
		return colour.getRed() > 200 && colour.getBlue() < 60;
	}

	private static boolean isBlue(int rgb) {
		Color colour = new Color(rgb);
		return colour.getBlue() > 200 && colour.getRed() < 60;
	}

}
