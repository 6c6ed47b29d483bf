package uk.yourarea.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The languages the public site can speak: English, and Welsh for a force in Wales.
 * <p>
 * A Welsh page's address starts with {@code /cy} (so that pages stay cacheable and
 * shareable with no cookie), and a resident's records keep the language they were made in
 * as a tag, {@code en} or {@code cy}, so that every later email to them is in it.
 */
public final class Languages {

	public static final Locale ENGLISH = Locale.UK;

	public static final Locale WELSH = Locale.forLanguageTag("cy");

	public static final String WELSH_PREFIX = "/cy";

	private Languages() {
	}

	/**
	 * Welsh for a Welsh locale ({@code cy}, {@code cy-GB}), English for anything else.
	 */
	public static Locale of(@Nullable Locale locale) {
		return (locale != null && "cy".equals(locale.getLanguage())) ? WELSH : ENGLISH;
	}

	/**
	 * The language of the request being answered ({@link #ENGLISH} outside a request).
	 */
	public static Locale current() {
		return of(LocaleContextHolder.getLocale());
	}

	/** The tag kept with a resident's records: {@code cy} or {@code en}. */
	public static String tagOf(@Nullable Locale locale) {
		return of(locale).getLanguage();
	}

	/** The language of a stored tag; English for none or an unknown one. */
	public static Locale fromTag(@Nullable String tag) {
		return "cy".equals(tag) ? WELSH : ENGLISH;
	}

	/** What goes before a public path in this language: {@code /cy} or nothing. */
	public static String pathPrefix(@Nullable Locale locale) {
		return WELSH.equals(of(locale)) ? WELSH_PREFIX : "";
	}

}
