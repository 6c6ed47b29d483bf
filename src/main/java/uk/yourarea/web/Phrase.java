package uk.yourarea.web;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * Words kept in the database to be read later: either a key of the message bundles with
 * its arguments, shown in the bundle's words of the day it is read, or text shown as it
 * is (data, or a row written before its words were keys).
 * <p>
 * A phrase is stored in two columns: the text, and the arguments as a {@code text[]}.
 * Arguments of {@code null} mean the text is shown as it is; an array, even an empty one,
 * means the text is a key. A key the bundles no longer have shows the key's own text
 * rather than failing the page.
 *
 * @param text the key, or the text itself
 * @param args the key's arguments, or {@code null} for text shown as it is
 */
public record Phrase(String text, @Nullable List<String> args) implements MessageSourceResolvable {

	private static final Phrase EMPTY = new Phrase("", null);

	public Phrase {
		args = (args != null) ? List.copyOf(args) : null;
	}

	/**
	 * A key of the bundles and its arguments. Whole numbers are written with thousands
	 * separators, as a message's {@code {0}} would write them; everything else as its
	 * {@code toString()}.
	 */
	public static Phrase of(String key, Object... args) {
		return new Phrase(key, Arrays.stream(args).map(Phrase::argument).toList());
	}

	/** Text shown as it is; {@code null} and blank are empty. */
	public static Phrase asIs(@Nullable String text) {
		return (text == null || text.isBlank()) ? EMPTY : new Phrase(text.strip(), null);
	}

	/** A phrase read back from its two columns. */
	public static Phrase stored(@Nullable String text, String @Nullable [] args) {
		if (text == null) {
			return EMPTY;
		}
		return new Phrase(text, (args != null) ? Arrays.asList(args) : null);
	}

	/** A phrase read back from its two columns. */
	public static Phrase stored(@Nullable String text, @Nullable Collection<String> args) {
		return stored(text, (args != null) ? args.toArray(String[]::new) : null);
	}

	/**
	 * The phrase in a column and the {@code text[]} column beside it named
	 * {@code <column>_args}, or {@code null} when the column is.
	 */
	public static @Nullable Phrase read(ResultSet row, String column) throws SQLException {
		String text = row.getString(column);
		if (text == null) {
			return null;
		}
		Array args = row.getArray(column + "_args");
		return stored(text, (args != null) ? (String[]) args.getArray() : null);
	}

	/** Whether the text is a key of the bundles. */
	public boolean isKey() {
		return this.args != null;
	}

	/** Text shown as it is with nothing in it. */
	public boolean isEmpty() {
		return !isKey() && this.text.isEmpty();
	}

	/**
	 * The arguments for the {@code text[]} column: {@code null} for text shown as it is.
	 */
	public String @Nullable [] argsColumn() {
		return (this.args != null) ? this.args.toArray(String[]::new) : null;
	}

	/** The words to show in a language. */
	public String in(MessageSource messages, Locale locale) {
		return isKey() ? messages.getMessage(this, locale) : this.text;
	}

	@Override
	public String @Nullable [] getCodes() {
		return isKey() ? new String[] { this.text } : null;
	}

	@Override
	public Object @Nullable [] getArguments() {
		return (this.args != null) ? this.args.toArray() : null;
	}

	/**
	 * The text itself: Spring shows it unformatted when it is the key that was not found.
	 */
	@Override
	public String getDefaultMessage() {
		return this.text;
	}

	@Override
	public String toString() {
		return isKey() ? this.text + this.args : this.text;
	}

	private static String argument(@Nullable Object value) {
		if (value instanceof Long || value instanceof Integer) {
			return String.format(Locale.UK, "%,d", value);
		}
		return (value != null) ? value.toString() : "";
	}

}
