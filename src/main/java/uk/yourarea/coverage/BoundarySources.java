package uk.yourarea.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import uk.yourarea.web.Phrase;

/**
 * Where a neighbourhood's boundary came from, as {@code neighbourhood_boundary} keeps it:
 * a key of staff.properties in {@code source} with its arguments in {@code source_args}
 * (V40), or text kept as it is (the demo's attributions, and rows from before V40 that
 * the migration did not recognise).
 */
final class BoundarySources {

	/** Worked out from the neighbourhood's postcodes ({@link DerivedBoundaries}). */
	static final Phrase DERIVED = Phrase.of("coverage.boundary.source.derived");

	private BoundarySources() {
	}

	/** Uploaded on a staff page: the file's name and the day. */
	static Phrase uploaded(String fileName, String day) {
		return Phrase.of("coverage.boundary.source.uploaded", fileName, day);
	}

	/** Imported from the command line ({@link PostcodeImportCommand}). */
	static Phrase imported(String fileName) {
		return Phrase.of("coverage.boundary.source.imported", fileName);
	}

	/** The source of the row, from its {@code source} and {@code source_args} columns. */
	static Phrase read(ResultSet row) throws SQLException {
		return Objects.requireNonNull(Phrase.read(row, "source"));
	}

}
