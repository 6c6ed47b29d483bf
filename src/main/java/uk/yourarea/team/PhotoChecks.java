package uk.yourarea.team;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded file into the photos the site serves, or says exactly why it cannot.
 * <p>
 * The type comes from the content (never the file name or the declared type): only JPEG
 * and PNG. The file's structure is walked to its end marker, so a truncated file, or one
 * with something attached after the image (an HTML page, a script, a zip: a polyglot), is
 * refused, as is markup hidden in its metadata. The dimensions are read from the header
 * before any pixels are decoded, so a decompression bomb is refused cheaply, and big
 * photos are decoded subsampled, so memory stays bounded. What is stored is re-encoded
 * from the pixels alone: the camera's metadata (EXIF, GPS location, XMP, comments) does
 * not survive. The EXIF orientation is applied first, then the photo is cropped to a 4:5
 * portrait and scaled to each of {@link #SIZES}.
 */
final class PhotoChecks {

	static final long MAX_BYTES = 5L * 1024 * 1024;

	static final int MAX_SIDE = 8000;

	static final long MAX_PIXELS = 40_000_000L;

	static final int MIN_WIDTH = 320;

	static final int MIN_HEIGHT = 400;

	/** The sizes pages use: 160 × 200 and 320 × 400 for high-density screens. */
	static final List<Size> SIZES = List.of(new Size(160, 200), new Size(320, 400));

	private static final float JPEG_QUALITY = 0.88f;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/** Things that have no business inside a photo's metadata. */
	private static final List<String> HIDDEN_CONTENT = List.of("<script", "<html", "<body", "<iframe", "<svg", "<?php",
			"<!doctype", "<object", "<embed", "javascript:", "pk\u0003\u0004");

	private PhotoChecks() {
	}

	/** Why a file is not accepted, with the key of the message the form shows. */
	enum Problem {

		EMPTY("team.photo.file.empty"),

		TOO_BIG("team.photo.file.too-big"),

		GIF("team.photo.file.gif"),

		SVG("team.photo.file.svg"),

		NOT_JPEG_OR_PNG("team.photo.file.not-jpeg-or-png"),

		EXTRA_DATA("team.photo.file.extra-data"),

		HIDDEN_CONTENT("team.photo.file.hidden-content"),

		DAMAGED("team.photo.file.damaged"),

		TOO_MANY_PIXELS("team.photo.file.too-many-pixels"),

		TOO_SMALL("team.photo.file.too-small");

		private final String messageKey;

		Problem(String messageKey) {
			this.messageKey = messageKey;
		}

		String messageKey() {
			return this.messageKey;
		}

	}

	static final class Rejected extends Exception {

		private final Problem problem;

		Rejected(Problem problem) {
			super(problem.name());
			this.problem = problem;
		}

		Problem problem() {
			return this.problem;
		}

	}

	record Size(int width, int height) {
	}

	/** One stored size: its dimensions and JPEG bytes. */
	record Rendition(int width, int height, byte[] jpeg) {
	}

	/** A checked photo ready to store: its content hash and each size. */
	record Prepared(String hash, List<Rendition> renditions) {
	}

	enum Format {

		JPEG("jpeg"), PNG("png");

		final String imageIoName;

		Format(String imageIoName) {
			this.imageIoName = imageIoName;
		}

	}

	/** Checks the file and makes the sizes to store. */
	static Prepared prepare(byte[] file) throws Rejected {
		if (file.length == 0) {
			throw new Rejected(Problem.EMPTY);
		}
		if (file.length > MAX_BYTES) {
			throw new Rejected(Problem.TOO_BIG);
		}
		Format format = formatOf(file);
		int orientation = (format == Format.JPEG) ? walkJpeg(file, 0, true).orientation() : walkPng(file);
		BufferedImage decoded = decode(file, format);
		BufferedImage upright = orient(decoded, orientation);
		BufferedImage portrait = cropToPortrait(upright);
		List<Rendition> renditions = new ArrayList<>();
		MessageDigest digest = sha256();
		for (Size size : SIZES) {
			byte[] jpeg = encodeJpeg(scale(portrait, size.width(), size.height()));
			digest.update(jpeg);
			renditions.add(new Rendition(size.width(), size.height(), jpeg));
		}
		return new Prepared(HexFormat.of().formatHex(digest.digest()), renditions);
	}

	/** What the content says the file is, whatever it is called. */
	static Format formatOf(byte[] file) throws Rejected {
		if (file.length >= 3 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xD8 && (file[2] & 0xFF) == 0xFF) {
			return Format.JPEG;
		}
		if (startsWith(file, 0, PNG_SIGNATURE)) {
			return Format.PNG;
		}
		String start = new String(file, 0, Math.min(file.length, 4096), StandardCharsets.ISO_8859_1)
			.toLowerCase(Locale.ROOT);
		if (start.startsWith("gif87a") || start.startsWith("gif89a")) {
			throw new Rejected(Problem.GIF);
		}
		String text = start.replaceFirst("^(\u00ef\u00bb\u00bf)?\\s*", "");
		if (text.startsWith("<") && text.contains("<svg")) {
			throw new Rejected(Problem.SVG);
		}
		throw new Rejected(Problem.NOT_JPEG_OR_PNG);
	}

	private record JpegWalk(int end, int orientation, boolean multiPicture) {
	}

	/**
	 * Walks a JPEG's segments from its start-of-image marker to its end-of-image marker.
	 * For the main image ({@code whole}) nothing may follow but zero padding, or the
	 * further images of a multi-picture file (as phones write), each walked in turn.
	 */
	private static JpegWalk walkJpeg(byte[] file, int start, boolean whole) throws Rejected {
		int n = file.length;
		int pos = start + 2;
		int orientation = 1;
		boolean multiPicture = false;
		while (true) {
			if (pos >= n || (file[pos] & 0xFF) != 0xFF) {
				throw new Rejected(Problem.DAMAGED);
			}
			while (pos < n && (file[pos] & 0xFF) == 0xFF) {
				pos++;
			}
			if (pos >= n) {
				throw new Rejected(Problem.DAMAGED);
			}
			int marker = file[pos++] & 0xFF;
			if (marker == 0xD9) {
				break;
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				continue;
			}
			if (marker == 0xD8 || marker == 0x00) {
				throw new Rejected(Problem.DAMAGED);
			}
			if (pos + 2 > n) {
				throw new Rejected(Problem.DAMAGED);
			}
			int length = u16(file, pos, true);
			if (length < 2 || pos + length > n) {
				throw new Rejected(Problem.DAMAGED);
			}
			int dataStart = pos + 2;
			int dataEnd = pos + length;
			if ((marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE) {
				requireNoHiddenContent(file, dataStart, dataEnd);
				if (marker == 0xE1 && startsWith(file, dataStart, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))) {
					orientation = exifOrientation(file, dataStart + 6, dataEnd);
				}
				if (marker == 0xE2 && startsWith(file, dataStart, "MPF\0".getBytes(StandardCharsets.ISO_8859_1))) {
					multiPicture = true;
				}
			}
			pos = dataEnd;
			if (marker == 0xDA) {
				pos = endOfScan(file, pos);
			}
		}
		int end = pos;
		if (whole) {
			requireNothingAfter(file, end, multiPicture);
		}
		return new JpegWalk(end, orientation, multiPicture);
	}

	/** Skips entropy-coded data to the next marker (byte stuffing and restarts aside). */
	private static int endOfScan(byte[] file, int from) throws Rejected {
		int pos = from;
		int n = file.length;
		while (true) {
			if (pos >= n) {
				throw new Rejected(Problem.DAMAGED);
			}
			if ((file[pos] & 0xFF) == 0xFF) {
				if (pos + 1 >= n) {
					throw new Rejected(Problem.DAMAGED);
				}
				int next = file[pos + 1] & 0xFF;
				if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
					pos += 2;
					continue;
				}
				if (next == 0xFF) {
					pos++;
					continue;
				}
				return pos;
			}
			pos++;
		}
	}

	private static void requireNothingAfter(byte[] file, int end, boolean multiPicture) throws Rejected {
		int pos = end;
		while (pos < file.length) {
			if (multiPicture && pos + 3 <= file.length && (file[pos] & 0xFF) == 0xFF && (file[pos + 1] & 0xFF) == 0xD8
					&& (file[pos + 2] & 0xFF) == 0xFF) {
				pos = walkJpeg(file, pos, false).end();
				continue;
			}
			if (file[pos] != 0) {
				throw new Rejected(Problem.EXTRA_DATA);
			}
			pos++;
		}
	}

	/**
	 * Walks a PNG's chunks (lengths and checksums) from the signature to the IEND chunk;
	 * nothing but zero padding may follow.
	 * @return the EXIF orientation of an eXIf chunk, or 1
	 */
	private static int walkPng(byte[] file) throws Rejected {
		int n = file.length;
		int pos = PNG_SIGNATURE.length;
		boolean first = true;
		int orientation = 1;
		while (true) {
			if (pos + 12 > n) {
				throw new Rejected(Problem.DAMAGED);
			}
			long length = u32(file, pos, true);
			if (length > n - pos - 12) {
				throw new Rejected(Problem.DAMAGED);
			}
			String type = new String(file, pos + 4, 4, StandardCharsets.ISO_8859_1);
			if (!type.matches("[A-Za-z]{4}") || (first && !type.equals("IHDR"))) {
				throw new Rejected(Problem.DAMAGED);
			}
			int dataStart = pos + 8;
			int dataEnd = dataStart + (int) length;
			CRC32 crc = new CRC32();
			crc.update(file, pos + 4, 4 + (int) length);
			if (crc.getValue() != u32(file, dataEnd, true)) {
				throw new Rejected(Problem.DAMAGED);
			}
			if (!type.equals("IDAT") && !type.equals("IHDR") && !type.equals("PLTE")) {
				requireNoHiddenContent(file, dataStart, dataEnd);
			}
			if (type.equals("eXIf")) {
				orientation = exifOrientation(file, dataStart, dataEnd);
			}
			first = false;
			pos = dataEnd + 4;
			if (type.equals("IEND")) {
				break;
			}
		}
		requireNothingAfter(file, pos, false);
		return orientation;
	}

	private static void requireNoHiddenContent(byte[] file, int from, int to) throws Rejected {
		String text = new String(file, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		for (String needle : HIDDEN_CONTENT) {
			if (text.contains(needle)) {
				throw new Rejected(Problem.HIDDEN_CONTENT);
			}
		}
	}

	/**
	 * The Orientation tag (0x0112) of IFD0 of the TIFF structure at {@code tiff}, or 1
	 * when there is none or the structure is malformed (it is then simply not used).
	 */
	static int exifOrientation(byte[] file, int tiff, int end) {
		if (tiff + 8 > end) {
			return 1;
		}
		boolean bigEndian;
		if (file[tiff] == 'M' && file[tiff + 1] == 'M') {
			bigEndian = true;
		}
		else if (file[tiff] == 'I' && file[tiff + 1] == 'I') {
			bigEndian = false;
		}
		else {
			return 1;
		}
		if (u16(file, tiff + 2, bigEndian) != 42) {
			return 1;
		}
		long ifd = u32(file, tiff + 4, bigEndian);
		if (ifd < 8 || tiff + ifd + 2 > end) {
			return 1;
		}
		int entries = tiff + (int) ifd;
		int count = u16(file, entries, bigEndian);
		for (int i = 0; i < count; i++) {
			int entry = entries + 2 + 12 * i;
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(file, entry, bigEndian) == 0x0112 && u16(file, entry + 2, bigEndian) == 3) {
				int value = u16(file, entry + 8, bigEndian);
				return (value >= 1 && value <= 8) ? value : 1;
			}
		}
		return 1;
	}

	/**
	 * Reads the dimensions from the header, refuses too many or too few pixels, then
	 * decodes, subsampled when the photo is much bigger than the largest size stored.
	 */
	private static BufferedImage decode(byte[] file, Format format) throws Rejected {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
			reader.setInput(input, true, true);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
				throw new Rejected(Problem.TOO_MANY_PIXELS);
			}
			int shortSide = Math.min(width, height);
			int longSide = Math.max(width, height);
			if (shortSide < MIN_WIDTH || longSide < MIN_HEIGHT) {
				throw new Rejected(Problem.TOO_SMALL);
			}
			Size largest = SIZES.get(SIZES.size() - 1);
			int subsampling = Math.max(1,
					Math.min(shortSide / (2 * largest.width()), longSide / (2 * largest.height())));
			ImageReadParam param = reader.getDefaultReadParam();
			param.setSourceSubsampling(subsampling, subsampling, 0, 0);
			BufferedImage image = reader.read(0, param);
			if (image == null) {
				throw new Rejected(Problem.DAMAGED);
			}
			return image;
		}
		catch (IOException | RuntimeException ex) {
			throw new Rejected(Problem.DAMAGED);
		}
		finally {
			reader.dispose();
		}
	}

	/** Applies an EXIF orientation (1 to 8), so the photo is the right way up. */
	static BufferedImage orient(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		AffineTransform transform = new AffineTransform();
		switch (orientation) {
			case 2 -> transform.setTransform(-1, 0, 0, 1, w, 0);
			case 3 -> transform.setTransform(-1, 0, 0, -1, w, h);
			case 4 -> transform.setTransform(1, 0, 0, -1, 0, h);
			case 5 -> transform.setTransform(0, 1, 1, 0, 0, 0);
			case 6 -> transform.setTransform(0, 1, -1, 0, h, 0);
			case 7 -> transform.setTransform(0, -1, -1, 0, h, w);
			case 8 -> transform.setTransform(0, -1, 1, 0, 0, w);
			default -> {
			}
		}
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = turned.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, turned.getWidth(), turned.getHeight());
			graphics.drawImage(image, transform, null);
		}
		finally {
			graphics.dispose();
		}
		return turned;
	}

	/**
	 * The largest 4:5 portrait in the photo: centred across, and a little above the
	 * middle down (where faces usually are).
	 */
	static BufferedImage cropToPortrait(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		if ((long) w * 5 > (long) h * 4) {
			int width = h * 4 / 5;
			return image.getSubimage((w - width) / 2, 0, width, h);
		}
		int height = w * 5 / 4;
		return image.getSubimage(0, (h - height) / 3, w, height);
	}

	/** Scales in halving steps then once more, which keeps detail without aliasing. */
	static BufferedImage scale(BufferedImage image, int width, int height) {
		BufferedImage current = image;
		int w = image.getWidth();
		int h = image.getHeight();
		while (w / 2 >= width && h / 2 >= height) {
			w /= 2;
			h /= 2;
			current = draw(current, w, h);
		}
		return draw(current, width, height);
	}

	private static BufferedImage draw(BufferedImage image, int width, int height) {
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = scaled.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return scaled;
	}

	/** A baseline JPEG from the pixels alone: no EXIF, no XMP, no comments. */
	static byte[] encodeJpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean startsWith(byte[] file, int at, byte[] prefix) {
		if (at < 0 || at + prefix.length > file.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (file[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int u16(byte[] b, int at, boolean bigEndian) {
		int first = b[at] & 0xFF;
		int second = b[at + 1] & 0xFF;
		return bigEndian ? (first << 8) | second : (second << 8) | first;
	}

	private static long u32(byte[] b, int at, boolean bigEndian) {
		long value = 0;
		for (int i = 0; i < 4; i++) {
			int index = bigEndian ? at + i : at + 3 - i;
			value = (value << 8) | (b[index] & 0xFF);
		}
		return value;
	}

}
