package uk.yourarea.postcode;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The neighbourhoods postcodes can be given to, read straight from their table (coverage
 * needs only their ids, codes and names, and the neighbourhood feature may depend on this
 * one, not the other way round).
 */
@Component
class CoverageNeighbourhoods {

	/**
	 * A neighbourhood as coverage pages show it; {@code value} and {@code label} for
	 * lists.
	 */
	record Choice(long id, String code, String name) {

		public String value() {
			return Long.toString(this.id);
		}

		public String label() {
			return this.name + " (" + this.code + ")";
		}

	}

	private final JdbcTemplate jdbc;

	CoverageNeighbourhoods(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<Choice> all() {
		return this.jdbc.query("select id, code, name from neighbourhood where retired_on is null order by name, code",
				(row, n) -> new Choice(row.getLong(1), row.getString(2), row.getString(3)));
	}

	@Transactional(readOnly = true)
	Optional<Choice> find(long id) {
		return this.jdbc
			.query("select id, code, name from neighbourhood where id = ?",
					(row, n) -> new Choice(row.getLong(1), row.getString(2), row.getString(3)), id)
			.stream()
			.findFirst();
	}

	Map<Long, Choice> byId() {
		return all().stream().collect(Collectors.toMap(Choice::id, Function.identity()));
	}

	/**
	 * The neighbourhood named by the first of these words that names one: a code ("NC04")
	 * or a name ("City Centre"), ignoring case, accents, HTML-escaped ampersands and
	 * spacing.
	 */
	static Optional<Choice> match(List<String> names, List<Choice> neighbourhoods) {
		for (String name : names) {
			String wanted = simple(name);
			for (Choice choice : neighbourhoods) {
				if (simple(choice.code()).equals(wanted)) {
					return Optional.of(choice);
				}
			}
			for (Choice choice : neighbourhoods) {
				if (simple(choice.name()).equals(wanted)) {
					return Optional.of(choice);
				}
			}
		}
		return Optional.empty();
	}

	private static String simple(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String plain = Normalizer.normalize(text.replace("&amp;", "&"), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return plain.replaceAll("[\\s\\u00A0]+", " ").strip().toLowerCase(Locale.ROOT);
	}

}
