package uk.yourarea.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Something staff wrote, in the language a page shows it in: the Welsh version on a Welsh
 * page where there is one, else the English. {@code lang} is the text's language tag when
 * it differs from the page's ({@code en} for English shown on a Welsh page), so that a
 * template writes {@code th:lang="${x.lang}"} and screen readers read it right; it is
 * {@code null} (no attribute) when the text is in the page's language.
 *
 * @param text what to show, or {@code null} when there is nothing in either language
 * @param lang {@code en} or {@code cy} when not the page's language, else {@code null}
 */
public record TextIn(@Nullable String text, @Nullable String lang) {

	/**
	 * The version to show on a page in the given language.
	 * @param page the page's language (see {@link Languages#current()})
	 * @param english the English version, or {@code null} when there is none
	 * @param welsh the Welsh version, or {@code null} when there is none
	 */
	public static TextIn of(@Nullable Locale page, @Nullable String english, @Nullable String welsh) {
		boolean welshPage = Languages.WELSH.equals(Languages.of(page));
		String english1 = blankIsNull(english);
		String welsh1 = blankIsNull(welsh);
		if (welshPage) {
			if (welsh1 != null) {
				return new TextIn(welsh1, null);
			}
			return new TextIn(english1, (english1 != null) ? "en" : null);
		}
		if (english1 != null) {
			return new TextIn(english1, null);
		}
		return new TextIn(welsh1, (welsh1 != null) ? "cy" : null);
	}

	/** Like {@link #of}, for a text that always has an English version. */
	public static TextIn choose(@Nullable Locale page, String english, @Nullable String welsh) {
		return of(page, english, welsh);
	}

	/** Like {@link #of}, or null when there is no English either. */
	public static @Nullable TextIn chooseOptional(@Nullable Locale page, @Nullable String english,
			@Nullable String welsh) {
		return (english == null) ? null : of(page, english, welsh);
	}

	/** The words alone of {@link #of}. */
	public static String pick(@Nullable Locale page, String english, @Nullable String welsh) {
		return of(page, english, welsh).toString();
	}

	/** Blank text as null: an optional Welsh field left empty. */
	public static @Nullable String orNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** Whether there is anything to show. */
	public boolean present() {
		return this.text != null;
	}

	/** The text, for a place where only the words matter (a name in a heading). */
	@Override
	public String toString() {
		return (this.text != null) ? this.text : "";
	}

	private static @Nullable String blankIsNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
