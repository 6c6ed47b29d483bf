package uk.yourarea.postcode;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK postcode whose format has been checked against BS 7666, held in its normal form:
 * upper case, with exactly one space between the outward code and the inward code (for
 * example {@code LE18 4QT}).
 * <p>
 * Only the format is checked. A postcode can be well formed and still not exist (for
 * example {@code MA1 1AA}). {@code GIR 0AA}, which does not follow the usual pattern, is
 * accepted as a special case.
 * <p>
 * The parts of {@code EC1A 1BB} are:
 * <ul>
 * <li>outward code {@code EC1A} and inward code {@code 1BB}</li>
 * <li>area {@code EC}, district {@code EC1} and sub-district {@code EC1A}</li>
 * <li>sector {@code EC1A 1} and unit {@code BB}</li>
 * </ul>
 */
public final class Postcode implements Comparable<Postcode> {

	// Letters allowed at each position of a BS 7666 postcode.

	/** First letter of the outward code: any but Q, V and X. */
	private static final String FIRST_LETTER = "[A-PR-UWYZ]";

	/** Second letter of a two-letter area: any but I, J and Z. */
	private static final String SECOND_LETTER = "[A-HK-Y]";

	/** Trailing letter of an A9A outward code, such as the A of W1A. */
	private static final String A9A_LAST_LETTER = "[ABCDEFGHJKPSTUW]";

	/** Trailing letter of an AA9A outward code, such as the A of EC1A. */
	private static final String AA9A_LAST_LETTER = "[ABEHMNPRVWXY]";

	/** Letters of the inward code: any but C, I, K, M, O and V. */
	private static final String INWARD_LETTER = "[ABD-HJLNP-UW-Z]";

	private static final String DIGIT = "[0-9]";

	/** The outward code shapes, in order: A9 or A99, A9A, AA9 or AA99, and AA9A. */
	private static final String OUTWARD_CODE = FIRST_LETTER + "(?:" + DIGIT + DIGIT + "?|" + DIGIT + A9A_LAST_LETTER
			+ "|" + SECOND_LETTER + DIGIT + DIGIT + "?|" + SECOND_LETTER + DIGIT + AA9A_LAST_LETTER + ")";

	private static final String INWARD_CODE = DIGIT + INWARD_LETTER + INWARD_LETTER;

	/**
	 * The outward code and inward code, with at most one space between them (input has
	 * its whitespace collapsed first). {@link Pattern#CASE_INSENSITIVE} on its own
	 * matches US-ASCII letters only, so look-alike letters from other alphabets never
	 * match.
	 */
	private static final Pattern POSTCODE = Pattern
		.compile("(?<outward>" + OUTWARD_CODE + ") ?(?<inward>" + INWARD_CODE + ")", Pattern.CASE_INSENSITIVE);

	private static final Pattern OUTWARD_CODE_ONLY = Pattern.compile(OUTWARD_CODE, Pattern.CASE_INSENSITIVE);

	/** The Girobank postcode, which BS 7666 allows as an exception to its pattern. */
	private static final Pattern GIROBANK = Pattern.compile("GIR ?0AA", Pattern.CASE_INSENSITIVE);

	private static final String GIROBANK_OUTWARD_CODE = "GIR";

	private static final String GIROBANK_INWARD_CODE = "0AA";

	private static final Comparator<Postcode> ORDER = Comparator.comparing(Postcode::area)
		.thenComparingInt(Postcode::districtNumber)
		.thenComparing(Postcode::value);

	private final String outwardCode;

	private final String inwardCode;

	private final String value;

	private Postcode(String outwardCode, String inwardCode) {
		this.outwardCode = outwardCode;
		this.inwardCode = inwardCode;
		this.value = outwardCode + " " + inwardCode;
	}

	/**
	 * Parses a postcode as a person might type it: in any case, with or without a space
	 * between the outward and inward codes, and with any amount of whitespace (including
	 * tabs and non-breaking spaces) around or between them.
	 * @param input the text to parse, may be {@code null}
	 * @return the postcode, or empty if the input is {@code null}, blank or not a
	 * well-formed postcode
	 */
	public static Optional<Postcode> parse(String input) {
		if (input == null) {
			return Optional.empty();
		}
		String text = collapseWhitespace(input);
		if (GIROBANK.matcher(text).matches()) {
			return Optional.of(new Postcode(GIROBANK_OUTWARD_CODE, GIROBANK_INWARD_CODE));
		}
		Matcher matcher = POSTCODE.matcher(text);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new Postcode(toUpperCase(matcher.group("outward")), toUpperCase(matcher.group("inward"))));
	}

	/**
	 * Parses a postcode that is expected to be valid, as {@link #parse(String)} does.
	 * @param input the text to parse
	 * @return the postcode
	 * @throws IllegalArgumentException if the input is {@code null}, blank or not a
	 * well-formed postcode
	 */
	public static Postcode of(String input) {
		return parse(input).orElseThrow(() -> new IllegalArgumentException(
				"Not a valid UK postcode: " + ((input != null) ? "\"" + input + "\"" : "null")));
	}

	/**
	 * Parses an outward code typed on its own, such as {@code le18} when a resident knows
	 * only the first half of a postcode. Case and surrounding whitespace are ignored.
	 * @param input the text to parse, may be {@code null}
	 * @return the outward code in upper case (for example {@code LE18}), or empty if the
	 * input is {@code null}, blank, a full postcode or not a well-formed outward code
	 */
	public static Optional<String> parseOutwardCode(String input) {
		if (input == null) {
			return Optional.empty();
		}
		String text = collapseWhitespace(input);
		if (text.equalsIgnoreCase(GIROBANK_OUTWARD_CODE) || OUTWARD_CODE_ONLY.matcher(text).matches()) {
			return Optional.of(toUpperCase(text));
		}
		return Optional.empty();
	}

	/**
	 * Returns the text with leading and trailing whitespace removed and every run of
	 * whitespace inside it replaced by a single space. Non-breaking spaces count as
	 * whitespace, which {@link Character#isWhitespace(char)} alone does not allow for.
	 */
	private static String collapseWhitespace(String input) {
		StringBuilder result = new StringBuilder(input.length());
		boolean pendingSpace = false;
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				pendingSpace = !result.isEmpty();
			}
			else {
				if (pendingSpace) {
					result.append(' ');
					pendingSpace = false;
				}
				result.append(c);
			}
		}
		return result.toString();
	}

	/**
	 * Upper-cases text that the patterns have already limited to US-ASCII letters and
	 * digits.
	 */
	private static String toUpperCase(String asciiText) {
		return asciiText.toUpperCase(Locale.ROOT);
	}

	/**
	 * Returns the postcode in its normal form, for example {@code LE18 4QT}.
	 * @return the postcode
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Returns the part before the space, for example {@code LE18} or {@code EC1A}.
	 * @return the outward code
	 */
	public String outwardCode() {
		return this.outwardCode;
	}

	/**
	 * Returns the part after the space, for example {@code 4QT}.
	 * @return the inward code
	 */
	public String inwardCode() {
		return this.inwardCode;
	}

	/**
	 * Returns the one or two letters that start the postcode, for example {@code LE}. For
	 * {@code GIR 0AA} this is {@code GIR}.
	 * @return the postcode area
	 */
	public String area() {
		int end = 0;
		while (end < this.outwardCode.length() && isLetter(this.outwardCode.charAt(end))) {
			end++;
		}
		return this.outwardCode.substring(0, end);
	}

	/**
	 * Returns the outward code without any sub-district letter, for example {@code LE18}
	 * for {@code LE18 4QT} and {@code EC1} for {@code EC1A 1BB}.
	 * @return the postcode district
	 */
	public String district() {
		if (hasSubDistrict()) {
			return this.outwardCode.substring(0, this.outwardCode.length() - 1);
		}
		return this.outwardCode;
	}

	/**
	 * Returns the outward code when it ends in a letter after the district number (the
	 * A9A and AA9A shapes, for example {@code W1A} or {@code EC1A}).
	 * @return the sub-district, or empty if the district is not divided
	 */
	public Optional<String> subDistrict() {
		return hasSubDistrict() ? Optional.of(this.outwardCode) : Optional.empty();
	}

	/**
	 * Returns the outward code, a space and the first character of the inward code, for
	 * example {@code LE18 4}.
	 * @return the postcode sector
	 */
	public String sector() {
		return this.outwardCode + " " + this.inwardCode.charAt(0);
	}

	/**
	 * Returns the two letters that end the postcode, for example {@code QT}.
	 * @return the postcode unit
	 */
	public String unit() {
		return this.inwardCode.substring(1);
	}

	private boolean hasSubDistrict() {
		int length = this.outwardCode.length();
		return isDigit(this.outwardCode.charAt(length - 2)) && isLetter(this.outwardCode.charAt(length - 1));
	}

	/**
	 * Returns the number in the outward code (18 for {@code LE18}), or 0 for
	 * {@code GIR 0AA}, so that districts sort in numeric order.
	 */
	private int districtNumber() {
		int number = 0;
		for (int i = 0; i < this.outwardCode.length(); i++) {
			char c = this.outwardCode.charAt(i);
			if (isDigit(c)) {
				number = number * 10 + (c - '0');
			}
		}
		return number;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isLetter(char c) {
		return c >= 'A' && c <= 'Z';
	}

	/**
	 * Orders postcodes by area, then by district number (so {@code LE2} comes before
	 * {@code LE10}), then by their normal form.
	 */
	@Override
	public int compareTo(Postcode other) {
		return ORDER.compare(this, other);
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		if (obj == null || getClass() != obj.getClass()) {
			return false;
		}
		return this.value.equals(((Postcode) obj).value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
