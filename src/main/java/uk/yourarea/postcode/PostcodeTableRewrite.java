package uk.yourarea.postcode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Writes a large share of changed neighbourhoods by building the postcode table afresh,
 * instead of updating its rows in place (ADR 6). PostgreSQL updates a row by writing a
 * new version of it and a new entry in each of the table's four indexes: for every one of
 * 2.6 million postcodes that took about 40 s, against about 15 s to copy the table with
 * its new neighbourhoods and build the indexes once.
 * <p>
 * On the caller's transaction: the table is locked against writes (lookups go on reading
 * it) and copied with the changes from {@code coverage_change}; the copy gets the
 * original's indexes, keys, checks, grants and names, and replaces it at the end, which
 * holds lookups up for no more than the moment until commit. The indexes, constraints and
 * grants are read from the catalogue, so a migration that adds one needs nothing here.
 */
final class PostcodeTableRewrite {

	/** What pg_get_indexdef gives: the index, its table and the rest. */
	private static final Pattern DEFINITION = Pattern
		.compile("(CREATE (?:UNIQUE )?INDEX )(\\S+) ON ((?:\\S+\\.)?)postcode( USING .*)");

	private PostcodeTableRewrite() {
	}

	/**
	 * Whether building the table afresh is cheaper than updating the rows, from what the
	 * two cost at national size (docs/benchmarks.md): a row update costs about two and a
	 * half times a row's share of the rewrite. Small tables are always updated.
	 */
	static boolean pays(long changed, long rowsInTable, long minimumChanged) {
		return changed >= minimumChanged && changed * 5 >= rowsInTable * 2;
	}

	/**
	 * Replaces the postcode table with a copy in which each postcode listed in
	 * {@code coverage_change} has that neighbourhood.
	 */
	static void apply(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("lock table postcode in exclusive mode");
			statement.execute("set local work_mem = '256MB'");
			statement.execute("set local maintenance_work_mem = '256MB'");
			List<Index> indexes = query(statement, """
					select x.indexrelid::regclass::text, pg_get_indexdef(x.indexrelid), c.conname, c.contype::text
					from pg_index x left join pg_constraint c on c.conindid = x.indexrelid and c.conrelid = x.indrelid
					where x.indrelid = 'postcode'::regclass""",
					(rows) -> new Index(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
			List<String> foreignKeys = query(statement, """
					select format('alter table postcode add constraint %I %s', conname, pg_get_constraintdef(oid))
					from pg_constraint where conrelid = 'postcode'::regclass and contype = 'f'""",
					(rows) -> rows.getString(1));
			List<String> grants = query(statement, """
					select format('grant %s on postcode to %I', string_agg(privilege_type, ', '), grantee)
					from information_schema.role_table_grants
					where table_schema = current_schema() and table_name = 'postcode'
					  and grantee <> (select tableowner from pg_tables
					                  where schemaname = current_schema() and tablename = 'postcode')
					group by grantee""", (rows) -> rows.getString(1));
			// Every column as it is, the neighbourhood from the changes: read from the
			// catalogue, so that a column a later migration adds is copied too.
			String copy = query(statement,
					"""
							select format('insert into postcode_next (%s) select %s from postcode p '
							              'left join coverage_change c on c.postcode = p.postcode',
							    string_agg(quote_ident(attname), ', ' order by attnum),
							    string_agg(case when attname <> 'neighbourhood_id' then 'p.' || quote_ident(attname)
							                    else 'case when c.postcode is null then p.neighbourhood_id else c.neighbourhood_id end'
							               end, ', ' order by attnum))
							from pg_attribute where attrelid = 'postcode'::regclass and attnum > 0 and not attisdropped""",
					(rows) -> rows.getString(1))
				.get(0);

			// The checks keep their names; the columns, their order and defaults are the
			// same.
			statement.execute("create table postcode_next (like postcode including defaults including constraints)");
			statement.execute(copy);
			for (Index index : indexes) {
				statement.execute(index.onNextTable());
			}
			statement.execute("analyze postcode_next");

			statement.execute("drop table postcode");
			statement.execute("alter table postcode_next rename to postcode");
			for (Index index : indexes) {
				statement.execute(index.renamed());
			}
			for (String sql : foreignKeys) {
				statement.execute(sql);
			}
			for (String sql : grants) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * One of the table's indexes, with the primary key or unique constraint it backs, if
	 * any.
	 */
	private record Index(String name, String definition, @Nullable String constraint, @Nullable String type) {

		/** Its definition, renamed and made on the new table. */
		String onNextTable() {
			Matcher matcher = DEFINITION.matcher(this.definition);
			if (!matcher.matches() || !matcher.group(2).equals(this.name)) {
				throw new IllegalStateException("Unexpected index definition: " + this.definition);
			}
			return matcher.group(1) + this.name + "_next ON " + matcher.group(3) + "postcode_next" + matcher.group(4);
		}

		/** The statement that gives the new table's index its original name. */
		String renamed() {
			if ("p".equals(this.type) || "u".equals(this.type)) {
				return "alter table postcode add constraint " + this.constraint
						+ ("p".equals(this.type) ? " primary key" : " unique") + " using index " + this.name + "_next";
			}
			return "alter index " + this.name + "_next rename to " + this.name;
		}

	}

	@FunctionalInterface
	private interface Row<T> {

		T read(ResultSet rows) throws SQLException;

	}

	private static <T> List<T> query(Statement statement, String sql, Row<T> row) throws SQLException {
		List<T> values = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(row.read(rows));
			}
		}
		return values;
	}

}
