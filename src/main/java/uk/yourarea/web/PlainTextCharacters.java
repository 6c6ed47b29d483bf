package uk.yourarea.web;

import org.jspecify.annotations.Nullable;

/**
 * Which characters a resident's text may hold. Text from a form is stored in PostgreSQL,
 * shown on pages and put into emails: a NUL (which PostgreSQL refuses) or another control
 * character has no place in it, and a line break has no place in a one-line answer such
 * as a name, an email address or a postcode.
 * <ul>
 * <li>In every field: no control characters (C0, DEL and C1) other than tab, carriage
 * return and line feed, and no lone surrogates.</li>
 * <li>In a one-line field also: no carriage return or line feed, no other line or
 * paragraph separator (vertical tab, form feed, next line, U+2028, U+2029), and no
 * bidirectional embedding, override or isolate controls (U+202A to U+202E, U+2066 to
 * U+2069), which could make a name or an address read differently from what it is where
 * staff see it inline. Right-to-left text itself and the left-to-right and right-to-left
 * marks are fine.</li>
 * </ul>
 * Everything else is text: any script, emoji with their joiners, skin tones, variation
 * selectors and tag characters.
 */
public final class PlainTextCharacters {

	private PlainTextCharacters() {
	}

	/** Whether the text holds only characters its kind of field accepts. */
	public static boolean acceptable(CharSequence text, boolean singleLine) {
		return text.codePoints().noneMatch((codePoint) -> refused(codePoint, singleLine));
	}

	/**
	 * The text without the characters its kind of field refuses, to show it again for
	 * correcting: in a one-line field each line break becomes one space.
	 */
	public static String withoutRefused(String text, boolean singleLine) {
		StringBuilder kept = new StringBuilder(text.length());
		boolean afterBreak = false;
		for (int codePoint : text.codePoints().toArray()) {
			if (singleLine && lineBreak(codePoint)) {
				if (!afterBreak) {
					kept.append(' ');
				}
				afterBreak = true;
				continue;
			}
			afterBreak = false;
			if (!refused(codePoint, singleLine)) {
				kept.appendCodePoint(codePoint);
			}
		}
		return kept.toString();
	}

	/** Null stays null; otherwise {@link #withoutRefused(String, boolean)}. */
	public static @Nullable String withoutRefusedOrNull(@Nullable String text, boolean singleLine) {
		return (text != null) ? withoutRefused(text, singleLine) : null;
	}

	static boolean refused(int codePoint, boolean singleLine) {
		if (codePoint == '\t') {
			return false;
		}
		if (codePoint == '\n' || codePoint == '\r') {
			return singleLine;
		}
		int type = Character.getType(codePoint);
		if (type == Character.CONTROL || type == Character.SURROGATE) {
			return true;
		}
		return singleLine && (lineBreak(codePoint) || bidiControl(codePoint));
	}

	private static boolean lineBreak(int codePoint) {
		int type = Character.getType(codePoint);
		return codePoint == '\n' || codePoint == '\r' || codePoint == 0x0B || codePoint == 0x0C || codePoint == 0x85
				|| type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
	}

	private static boolean bidiControl(int codePoint) {
		return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

}
