package uk.yourarea.team;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Real image files made in memory for the photo tests: photos as cameras and phones write
 * them (with EXIF orientation and a GPS location), and the files an upload must refuse.
 */
final class TestImages {

	private TestImages() {
	}

	/** A picture split left (red) and right (blue), with a white square in the middle. */
	static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, width / 2, height);
		graphics.setColor(Color.BLUE);
		graphics.fillRect(width / 2, 0, width - width / 2, height);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(width / 2 - 10, height / 2 - 10, 20, 20);
		graphics.dispose();
		return image;
	}

	static byte[] jpeg(int width, int height) {
		return write(picture(width, height), "jpeg");
	}

	static byte[] png(int width, int height) {
		return write(picture(width, height), "png");
	}

	static byte[] gif(int width, int height) {
		return write(picture(width, height), "gif");
	}

	/** A transparent PNG with a green disc. */
	static byte[] transparentPng(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.GREEN);
		graphics.fillOval(0, 0, width, height);
		graphics.dispose();
		return write(image, "png");
	}

	static byte[] svg() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<svg xmlns="http://www.w3.org/2000/svg" width="400" height="500">
				  <script>alert(document.cookie)</script>
				  <rect width="400" height="500" fill="red"/>
				</svg>
				""".getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A JPEG as a phone writes it: an EXIF segment with the orientation and a GPS
	 * location (52.5833 N, 1.1167 W, near Wigston) right after the start-of-image marker.
	 */
	static byte[] jpegWithExif(int width, int height, int orientation) {
		return insertAfterSoi(jpeg(width, height), segment(0xE1, exif(orientation)));
	}

	/** The TIFF-structured EXIF body, with "Exif\0\0" in front. */
	static byte[] exif(int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(200);
		tiff.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		int base = tiff.position();
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		// IFD0 at 8: two entries, then no next IFD.
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		tiff.putInt(0);
		// GPS IFD at 38: latitude reference and latitude, longitude reference and
		// longitude.
		tiff.putShort((short) 4);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
		tiff.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'W').put((byte) 0).putShort((short) 0);
		tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
		tiff.putInt(0);
		// Rationals at 92 (latitude 52° 35' 0") and 116 (longitude 1° 7' 0").
		tiff.putInt(52).putInt(1).putInt(35).putInt(1).putInt(0).putInt(1);
		tiff.putInt(1).putInt(1).putInt(7).putInt(1).putInt(0).putInt(1);
		if (tiff.position() - base != 140) {
			throw new IllegalStateException("EXIF layout is off: " + (tiff.position() - base));
		}
		return Arrays.copyOf(tiff.array(), tiff.position());
	}

	/** A marker segment: FF, marker, big-endian length (including itself), body. */
	static byte[] segment(int marker, byte[] body) {
		ByteBuffer segment = ByteBuffer.allocate(body.length + 4);
		segment.put((byte) 0xFF).put((byte) marker).putShort((short) (body.length + 2)).put(body);
		return segment.array();
	}

	static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
		return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/** A JPEG with a web page attached after its end-of-image marker. */
	static byte[] jpegWithHtmlAfterTheEnd() {
		return concat(jpeg(400, 500),
				"<html><body><script>fetch('/staff')</script></body></html>".getBytes(StandardCharsets.UTF_8));
	}

	/** A JPEG with a script in a comment segment. */
	static byte[] jpegWithScriptInAComment() {
		return insertAfterSoi(jpeg(400, 500),
				segment(0xFE, "<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1)));
	}

	/** A PNG with a zip archive attached after its IEND chunk. */
	static byte[] pngWithZipAfterTheEnd() {
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8 };
		return concat(png(400, 500), zip);
	}

	/**
	 * A multi-picture JPEG as phones write it: an MPF segment in the main image, and a
	 * second image after the main one.
	 */
	static byte[] multiPictureJpeg() {
		byte[] main = insertAfterSoi(jpeg(400, 500),
				segment(0xE2, "MPF\0MM\0*\0\0\0\u0008".getBytes(StandardCharsets.ISO_8859_1)));
		return concat(main, jpeg(40, 50));
	}

	static byte[] truncated(byte[] file) {
		return Arrays.copyOf(file, file.length / 2);
	}

	/**
	 * A well-formed PNG (checksums right) claiming huge dimensions, with almost no pixel
	 * data: decoding it would need gigabytes.
	 */
	static byte[] pngClaiming(int width, int height) {
		ByteBuffer header = ByteBuffer.allocate(13);
		header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		Deflater deflater = new Deflater();
		deflater.setInput(new byte[1024]);
		deflater.finish();
		byte[] compressed = new byte[2048];
		int length = deflater.deflate(compressed);
		return concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, chunk("IHDR", header.array()),
				chunk("IDAT", Arrays.copyOf(compressed, length)), chunk("IEND", new byte[0]));
	}

	static byte[] chunk(String type, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(data.length + 12);
		byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
		chunk.putInt(data.length).put(typeBytes).put(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		chunk.putInt((int) crc.getValue());
		return chunk.array();
	}

	/** A file of the given size that starts like a JPEG. */
	static byte[] bigFile(int bytes) {
		byte[] file = new byte[bytes];
		byte[] start = jpeg(400, 500);
		System.arraycopy(start, 0, file, 0, start.length);
		return file;
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	static byte[] write(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
