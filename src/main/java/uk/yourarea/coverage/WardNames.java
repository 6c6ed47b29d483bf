package uk.yourarea.coverage;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.yourarea.web.PlainTextCharacters;

/**
 * The names of wards by their ONS code ({@code ward_name}), in English and, where known,
 * Welsh. Names are kept as ONS writes them, without the " Ward" Code-Point Open adds
 * ("Castle", not "Castle Ward"), so that pages can say "these wards" in either language.
 * Writes join the caller's transaction: a postcode import's names are rolled back with
 * its preview.
 */
@Component
class WardNames {

	/**
	 * A ward code as ONS writes it: E05 (England), W05 (Wales), S13, N08 and 6 digits.
	 */
	static final Pattern CODE = Pattern.compile("[A-Z][0-9]{8}");

	/** The longest name kept, as the table allows. */
	static final int MAX_LENGTH = 200;

	private static final Pattern WARD_AT_THE_END = Pattern.compile("\\s+ward$", Pattern.CASE_INSENSITIVE);

	/** How many ward names are known, and how many of them have Welsh. */
	record Counts(long named, long withWelsh) {
	}

	private final JdbcTemplate jdbc;

	WardNames(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A name as it is kept: spaces tidied and no " Ward" at the end; null when there is
	 * nothing else.
	 */
	static @Nullable String plain(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String tidy = name.strip().replaceAll("\\s+", " ");
		String plain = WARD_AT_THE_END.matcher(tidy).replaceFirst("");
		return plain.isEmpty() ? null : plain;
	}

	/** Whether a plain name can be kept: not too long, nothing that cannot be shown. */
	static boolean fits(String name) {
		return name.length() <= MAX_LENGTH && PlainTextCharacters.acceptable(name, true);
	}

	/** The named wards among these codes (a code with no name is left out). */
	Map<String, NeighbourhoodShapes.Ward> of(Collection<String> codes) {
		Map<String, NeighbourhoodShapes.Ward> named = new HashMap<>();
		if (codes.isEmpty()) {
			return named;
		}
		this.jdbc.query("select ward_code, name, name_cy from ward_name where ward_code = any(?)", (row) -> {
			named.put(row.getString(1),
					new NeighbourhoodShapes.Ward(row.getString(1), row.getString(2), row.getString(3)));
		}, (Object) codes.toArray(String[]::new));
		return named;
	}

	/**
	 * Names wards in English as a postcode file names them (code to name, as read), and
	 * keeps their Welsh names. Names that cannot be kept are left out.
	 * @return how many wards were named
	 */
	int nameInEnglish(Map<String, String> names) {
		List<Object[]> rows = new ArrayList<>();
		names.forEach((code, name) -> {
			String plain = plain(name);
			if (CODE.matcher(code).matches() && plain != null && fits(plain)) {
				rows.add(new Object[] { code, plain });
			}
		});
		this.jdbc.batchUpdate("""
				insert into ward_name (ward_code, name) values (?, ?)
				on conflict (ward_code) do update set name = excluded.name""", rows);
		return rows.size();
	}

	/**
	 * Saves the names of an ONS lookup: the English names, and the Welsh ones too when
	 * the file has them (a Welsh name left empty there is then cleared).
	 * @return how many wards got a name or a changed one
	 */
	int save(WardNameLookup.Lookup lookup) {
		List<WardNameLookup.Ward> wards = lookup.wards();
		String welsh = lookup.withWelsh() ? "excluded.name_cy" : "ward_name.name_cy";
		// One statement, so that it counts the rows it inserted or changed.
		return this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement("""
					insert into ward_name (ward_code, name, name_cy)
					select * from unnest(?::text[], ?::text[], ?::text[])
					on conflict (ward_code) do update set name = excluded.name, name_cy = %s
					where ward_name.name is distinct from excluded.name or ward_name.name_cy is distinct from %s"""
				.formatted(welsh, welsh));
			statement.setArray(1,
					connection.createArrayOf("text", wards.stream().map(WardNameLookup.Ward::code).toArray()));
			statement.setArray(2,
					connection.createArrayOf("text", wards.stream().map(WardNameLookup.Ward::name).toArray()));
			statement.setArray(3, connection.createArrayOf("text",
					wards.stream().map((ward) -> lookup.withWelsh() ? ward.nameCy() : null).toArray()));
			return statement;
		});
	}

	/** Gives wards their first names (code to name), keeping any they have: the demo. */
	void seed(Map<String, String> names) {
		List<Object[]> rows = new ArrayList<>();
		names.forEach((code, name) -> {
			String plain = plain(name);
			if (plain != null) {
				rows.add(new Object[] { code, plain });
			}
		});
		this.jdbc.batchUpdate("insert into ward_name (ward_code, name) values (?, ?) on conflict do nothing", rows);
	}

	Counts counts() {
		return Objects.requireNonNull(this.jdbc.queryForObject("select count(*), count(name_cy) from ward_name",
				(row, n) -> new Counts(row.getLong(1), row.getLong(2))));
	}

	/** How many of these ward codes have no name. */
	long unnamed(Collection<String> codes) {
		return codes.size() - of(codes).size();
	}

}
