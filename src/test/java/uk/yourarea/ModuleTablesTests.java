package uk.yourarea;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature's tables are read and written in SQL by that feature only (issue 18): the
 * Spring Modulith test sees Java types, not the table names in SQL strings, so this test
 * reads them. Every table the migrations create has an owner here, and a SQL string in
 * one package that names another package's table fails the test: ask the owner's API
 * instead. A view that a package publishes ({@link #VIEWS}) may be read by any package,
 * and written by none.
 */
class ModuleTablesTests {

	private static final Path SOURCES = Path.of("src/main/java/uk/yourarea");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** The package that owns each table. */
	private static final Map<String, String> OWNER = new HashMap<>();

	static {
		own("alert",
				"alert alert_link_key alert_manage_link alert_neighbourhood alert_subscriber alert_subscriber_list_view alert_subscription");
		own("audit", "change_record change_record_field");
		own("consultation", "consultation consultation_issue consultation_response consultation_response_issue");
		own("contact", "contact_message message_access_token message_entry scheduled_job_run");
		own("coverage",
				"coverage_import coverage_import_boundary coverage_import_move coverage_import_rejection "
						+ "coverage_state postcode_override neighbourhood_boundary neighbourhood_ward "
						+ "neighbourhood_ward_list ward_name");
		own("dataprotection", "data_protection_action");
		own("event", "event");
		own("neighbourhood", "local_policing_area neighbourhood neighbourhood_former_slug");
		own("notification", "outbox_email");
		own("postcode", "postcode");
		own("priority", "priority priority_update");
		own("security", "staff_account staff_authenticator_app staff_local_policing_area staff_neighbourhood "
				+ "staff_recovery_code staff_role staff_session staff_session_attributes staff_session_hashed staff_session_hashed_attributes user_credentials "
				+ "user_entities");
		own("station",
				"station station_exception station_exception_hours station_neighbourhood " + "station_opening_hours");
		own("team", "photo photo_size team_member");
		own("web", "form_stamp_key rate_limit_hit staff_form_submission");
	}

	/** The views a package publishes for the others to read, with their owners. */
	private static final Map<String, String> VIEWS = Map.of("neighbourhood_slug", "neighbourhood");

	private static final Pattern TABLE_IN_SQL = Pattern
		.compile("\\b(from|join|into|update|table|exists)\\s+(?:only\\s+)?([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern CREATE_TABLE = Pattern.compile("create table (?:if not exists )?([a-z_]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CREATE_VIEW = Pattern.compile("create (?:or replace )?view ([a-z_]+)",
			Pattern.CASE_INSENSITIVE);

	private static void own(String module, String tables) {
		for (String table : tables.split(" ")) {
			OWNER.put(table, module);
		}
	}

	@Test
	void everyTableHasAnOwner() throws IOException {
		Set<String> created = new TreeSet<>();
		Set<String> views = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path migration : files.filter((file) -> file.toString().endsWith(".sql")).toList()) {
				String sql = Files.readString(migration);
				Matcher table = CREATE_TABLE.matcher(sql);
				while (table.find()) {
					created.add(table.group(1).toLowerCase());
				}
				Matcher view = CREATE_VIEW.matcher(sql);
				while (view.find()) {
					views.add(view.group(1).toLowerCase());
				}
			}
		}
		assertThat(created).as("tables the migrations create").isNotEmpty();
		assertThat(OWNER.keySet()).as("tables with an owner in this test").containsAll(created);
		assertThat(VIEWS.keySet()).as("views with an owner in this test").containsExactlyInAnyOrderElementsOf(views);
	}

	@Test
	void noPackageNamesAnotherPackagesTableInSql() throws IOException {
		List<String> wrong = new ArrayList<>();
		crossings().forEach((place, tables) -> {
			for (String table : tables) {
				wrong.add(place + " names " + table + " (" + OWNER.getOrDefault(table, VIEWS.get(table))
						+ "'s): ask that package's API instead");
			}
		});
		assertThat(wrong).as("SQL that reaches into another package's tables").isEmpty();
	}

	/** Package/Class → the other packages' tables its SQL strings name. */
	private static Map<String, Set<String>> crossings() throws IOException {
		Map<String, Set<String>> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String module = relative.getName(0).toString();
				String place = module + "/" + file.getFileName().toString().replace(".java", "");
				Matcher string = STRING.matcher(Files.readString(file));
				while (string.find()) {
					String text = (string.group(1) != null) ? string.group(1) : string.group(2);
					Matcher table = TABLE_IN_SQL.matcher(text);
					while (table.find()) {
						String name = table.group(2).toLowerCase();
						boolean reading = Set.of("from", "join").contains(table.group(1).toLowerCase());
						String owner = VIEWS.containsKey(name) ? (reading ? null : VIEWS.get(name)) : OWNER.get(name);
						if (owner != null && !owner.equals(module)) {
							found.computeIfAbsent(place, (key) -> new TreeSet<>()).add(name);
						}
					}
				}
			}
		}
		return found;
	}

}
