package uk.yourarea.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the QR codes the site draws ({@code web.QrCodes}) as a phone would. */
public final class QrCodeImages {

	/** One dark module of the QR code's SVG path: a unit square at x, y. */
	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	/** Pixels drawn for each module when the SVG is turned into an image. */
	private static final int PIXELS_PER_MODULE = 4;

	private QrCodeImages() {
	}

	/**
	 * Reads a QR code the way a phone's camera would: the SVG image drawn as pixels (each
	 * dark module of the path a black square, with its quiet zone), then decoded by
	 * ZXing's reader.
	 */
	public static String decode(String dataUri) {
		String prefix = "data:image/svg+xml;base64,";
		assertThat(dataUri).startsWith(prefix);
		String svg = new String(Base64.getDecoder().decode(dataUri.substring(prefix.length())), StandardCharsets.UTF_8);
		Matcher box = VIEW_BOX.matcher(svg);
		assertThat(box.find()).as("the SVG's viewBox in %s", svg).isTrue();
		int width = Integer.parseInt(box.group(1)) * PIXELS_PER_MODULE;
		int height = Integer.parseInt(box.group(2)) * PIXELS_PER_MODULE;
		int[] pixels = new int[width * height];
		Arrays.fill(pixels, 0xFFFFFFFF);
		Matcher module = MODULE.matcher(svg);
		int modules = 0;
		while (module.find()) {
			modules++;
			int left = Integer.parseInt(module.group(1)) * PIXELS_PER_MODULE;
			int top = Integer.parseInt(module.group(2)) * PIXELS_PER_MODULE;
			for (int y = top; y < top + PIXELS_PER_MODULE; y++) {
				for (int x = left; x < left + PIXELS_PER_MODULE; x++) {
					pixels[y * width + x] = 0xFF000000;
				}
			}
		}
		assertThat(modules).as("dark modules in the SVG").isGreaterThan(100);
		BinaryBitmap image = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
		try {
			return new QRCodeReader().decode(image).getText();
		}
		catch (ReaderException ex) {
			throw new AssertionError("ZXing could not read the QR code " + svg, ex);
		}
	}

}
