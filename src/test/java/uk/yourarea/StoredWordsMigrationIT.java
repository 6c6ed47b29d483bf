package uk.yourarea;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V40 turns the English that rows kept before it into keys of the bundles with their
 * arguments: a database of its own is migrated to V38, given rows as the code wrote them
 * then, and migrated on. What it does not recognise stays as it was, to be shown as it
 * is.
 */
class StoredWordsMigrationIT {

	private static final String DATABASE = "yourarea_v40_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private static String server;

	private static SingleConnectionDataSource dataSource;

	private static JdbcTemplate jdbc;

	@BeforeAll
	static void aDatabaseAsV38LeftIt() throws SQLException {
		// TestDatabase has pointed spring.datasource.* at this run's database, as a
		// superuser.
		String url = System.getProperty("spring.datasource.url").split("\\?")[0];
		server = url.substring(0, url.lastIndexOf('/') + 1);
		asSuperuser("create database " + DATABASE);
		dataSource = new SingleConnectionDataSource(server + DATABASE, System.getProperty("spring.datasource.username"),
				System.getProperty("spring.datasource.password"), true);
		jdbc = new JdbcTemplate(dataSource);
		flyway("38").migrate();
		assertThat(jdbc.queryForObject("select max(version::int) from flyway_schema_history", Integer.class))
			.isEqualTo(38);
	}

	@AfterAll
	static void dropIt() throws SQLException {
		if (dataSource != null) {
			dataSource.destroy();
		}
		if (server != null) {
			asSuperuser("drop database if exists " + DATABASE + " with (force)");
		}
	}

	@Test
	void mapsTheEnglishOfOldRowsToKeysAndLeavesWhatItDoesNotKnow() throws SQLException {
		long area = jdbc.queryForObject(
				"insert into local_policing_area (code, name) values ('OA', 'Oadby') returning id", Long.class);
		long wigston = jdbc.queryForObject("""
				insert into neighbourhood (code, slug, name, local_policing_area_id)
				values ('NW1', 'wigston', 'Wigston', ?) returning id""", Long.class, area);
		long moved = changeRecord("team-member", "PC 4127 Jordan Ellis", "Moved to Oadby");
		field(moved, 1, "Neighbourhood", "Wigston", "Oadby");
		field(moved, 2, "Named officer", "No", "Yes, details confirmed on 3 May 2026");
		field(moved, 3, "Role", "Police Constable", "Police Community Support Officer");
		long coverage = changeRecord("coverage", "Coverage of Wigston", "Postcode given by hand");
		field(coverage, 1, "Postcode LE18 1AA", "No neighbourhood", "Wigston (given by hand)");
		field(coverage, 2, "Boundary", "None", "Uploaded as wigston.geojson on 3 May 2026");
		long edited = changeRecord("priority", "Speeding", "Edited");
		field(edited, 1, "Status", "Open", "Closed");
		field(edited, 2, "Title", "Yes", "No");
		field(edited, 3, "Something no code ever wrote", "a", "b");
		long unknown = changeRecord("station", "Wigston Police Station", "Painted the door");
		field(unknown, 1, "Monday", "9am to 5pm", "9am to 12:30pm and 1:30pm to 5pm");
		jdbc.update("""
				insert into neighbourhood_boundary (neighbourhood_id, geojson, source)
				values (?, '{}', 'Approximate: derived from the neighbourhood''s postcodes')""", wigston);
		long job = jdbc.queryForObject("""
				insert into coverage_import (kind, file_name, file_size, status, error, format, created_by_name,
				                             created_at, heartbeat_at)
				values ('POSTCODES', 'big.csv', 100, 'FAILED', 'The preview could not be made: The file is empty',
				        'OS Code-Point Open, ONS Postcode Directory', 'Web Editor', now(), now())
				returning id""", Long.class);
		jdbc.update("""
				insert into coverage_import_rejection (coverage_import_id, position, file_name, line_number, reason)
				values (?, 1, 'big.csv', 3, '"NOT A POSTCODE" is not a valid postcode'),
				       (?, 2, 'big.csv', 4, 'The latitude "north" is not a number')""", job, job);
		jdbc.update("""
				insert into coverage_import_move (coverage_import_id, position, from_neighbourhood_id, from_name,
				                                  to_neighbourhood_id, to_name, postcodes, examples)
				values (?, 1, null, 'No neighbourhood', ?, 'Wigston', 1, 'LE18 1AA')""", job, wigston);
		long message = jdbc.queryForObject("""
				insert into contact_message (reference, neighbourhood_id, sender_name, sender_email, preferred_contact,
				    sender_type, topic, body, status, received_at, clock_started_at, due_at, due_explanation,
				    idempotency_key, held_reason)
				values ('YA-AAAA-BBBB', ?, 'Sam', 'sam@example.org', 'EMAIL', 'RESIDENT', 'OTHER', 'Hello',
				        'HELD_FOR_REVIEW', now(), now(), now(), '72 hours', 'an-idempotency-key-0001',
				        'The form was filled in faster than a person could (812 ms)')
				returning id""", Long.class, wigston);
		jdbc.update("""
				insert into message_entry (contact_message_id, kind, body, at)
				values (?, 'ASSIGNED', 'Assigned to PC Jordan Ellis', now()),
				       (?, 'ESCALATED', 'Not answered by the deadline: escalated to the supervisors', now()),
				       (?, 'NOTE', 'Assigned to the wrong team, I think', now())""", message, message, message);

		flyway(null).migrate();

		assertThat(phrase("change_record", "action", "id = " + moved)).containsExactly("change.action.moved-to",
				"Oadby");
		assertThat(phrase("change_record", "subject_name", "id = " + moved)).as("the member's own name")
			.containsExactly("PC 4127 Jordan Ellis", null);
		assertThat(phrase("change_record", "subject_name", "id = " + coverage))
			.containsExactly("change.subject.coverage-of", "Wigston");
		assertThat(fields(moved)).containsExactly(
				Arrays.asList("change.field.neighbourhood", "", "Wigston", null, "Oadby", null),
				Arrays.asList("change.field.named-officer", "", "change.value.no", "",
						"change.value.named-officer-confirmed", "3 May 2026"),
				Arrays.asList("change.field.role", "", "change.value.role.pc", "", "change.value.role.pcso", ""));
		assertThat(fields(coverage)).containsExactly(
				Arrays.asList("change.field.postcode-of", "LE18 1AA", "change.value.no-neighbourhood", "",
						"change.value.given-by-hand", "Wigston"),
				Arrays.asList("change.field.boundary", "", "change.value.no-boundary", "",
						"coverage.boundary.source.uploaded", "wigston.geojson|3 May 2026"));
		assertThat(fields(edited)).containsExactly(
				Arrays.asList("change.field.status", "", "change.value.open", "", "change.value.closed", ""),
				Arrays.asList("change.field.title", "", "Yes", null, "No", null),
				Arrays.asList("Something no code ever wrote", null, "a", null, "b", null));
		assertThat(phrase("change_record", "action", "id = " + unknown)).containsExactly("Painted the door", null);
		assertThat(fields(unknown)).containsExactly(Arrays.asList("change.field.monday", "", "station.hours.period",
				"9am|5pm", "change.value.hours-twice", "9am|12:30pm|1:30pm|5pm"));

		assertThat(phrase("neighbourhood_boundary", "source", "neighbourhood_id = " + wigston))
			.containsExactly("coverage.boundary.source.derived", "");
		assertThat(phrase("coverage_import", "error", "id = " + job)).containsExactly("coverage.job.preview-failed",
				"The file is empty");
		assertThat(jdbc.queryForObject("select format from coverage_import where id = ?", String.class, job))
			.isEqualTo("CODE_POINT_OPEN, ONS_POSTCODE_DIRECTORY");
		assertThat(phrase("coverage_import_rejection", "reason", "position = 1"))
			.containsExactly("coverage.rejected.postcode", "NOT A POSTCODE");
		assertThat(phrase("coverage_import_rejection", "reason", "position = 2"))
			.containsExactly("coverage.rejected.latitude.not-a-number", "north");
		assertThat(jdbc.queryForObject("select from_name from coverage_import_move where coverage_import_id = ?",
				String.class, job))
			.isNull();

		assertThat(phrase("contact_message", "held_reason", "id = " + message)).containsExactly("contact.held.too-fast",
				"812");
		assertThat(jdbc.queryForList("select body from message_entry where contact_message_id = ? order by id",
				String.class, message))
			.containsExactly("PC Jordan Ellis", null, "Assigned to the wrong team, I think");
	}

	/**
	 * A phrase's text and its arguments joined by "|" (null for none, "" for no
	 * arguments).
	 */
	private static List<String> phrase(String table, String column, String where) {
		return jdbc.queryForObject("select %s, %s_args from %s where %s".formatted(column, column, table, where),
				(row, n) -> Arrays.asList(row.getString(1), joined(row.getArray(2))));
	}

	private static List<List<String>> fields(long record) {
		return jdbc.query("""
				select field, field_args, before_value, before_args, after_value, after_args from change_record_field
				where change_record_id = ? order by position""",
				(row, n) -> Arrays.asList(row.getString(1), joined(row.getArray(2)), row.getString(3),
						joined(row.getArray(4)), row.getString(5), joined(row.getArray(6))),
				record);
	}

	private static String joined(Array array) throws SQLException {
		return (array != null) ? String.join("|", (String[]) array.getArray()) : null;
	}

	private static long changeRecord(String subjectType, String subjectName, String action) {
		return jdbc.queryForObject("""
				insert into change_record (subject_type, subject_id, subject_name, action, changed_by_name, changed_at)
				values (?, 1, ?, ?, 'Web Editor', now()) returning id""", Long.class, subjectType, subjectName, action);
	}

	private static void field(long record, int position, String field, String before, String after) {
		jdbc.update("""
				insert into change_record_field (change_record_id, position, field, before_value, after_value)
				values (?, ?, ?, ?, ?)""", record, position, field, before, after);
	}

	private static Flyway flyway(String target) {
		var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
		return ((target != null) ? configuration.target(target) : configuration).load();
	}

	private static void asSuperuser(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server + "postgres",
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
