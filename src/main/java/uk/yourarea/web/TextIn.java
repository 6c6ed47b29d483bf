package uk.yourarea.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Staff-written text as a page shows it, with the language it is in: a Welsh page shows
 * the Welsh version when there is one, else the English marked {@code lang="en"} (write
 * {@code th:lang="${x.lang}"} beside {@code th:text="${x.text}"}).
 *
 * @param text what is shown
 * @param lang its language tag, {@code en} or {@code cy}
 */
public record TextIn(String text, String lang) {

	/** The Welsh when the locale is Welsh and there is Welsh, else the English. */
	public static TextIn choose(@Nullable Locale locale, String english, @Nullable String welsh) {
		return (welsh != null && !welsh.isBlank() && Languages.WELSH.equals(Languages.of(locale)))
				? new TextIn(welsh, "cy") : new TextIn(english, "en");
	}

	/** Like {@link #choose}, or null when there is no English either. */
	public static @Nullable TextIn chooseOptional(@Nullable Locale locale, @Nullable String english,
			@Nullable String welsh) {
		return (english == null) ? null : choose(locale, english, welsh);
	}

	/**
	 * The Welsh text when the locale is Welsh and there is Welsh, else the English.
	 */
	public static String pick(@Nullable Locale locale, String english, @Nullable String welsh) {
		return choose(locale, english, welsh).text();
	}

	/** Blank text as null: an optional Welsh field left empty. */
	public static @Nullable String orNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
