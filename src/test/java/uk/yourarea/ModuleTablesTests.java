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
 * one package that names another package's table fails the test, unless it is one of the
 * places still listed in {@link #NOT_YET_MOVED}, which must only shrink: a listed place
 * that no longer does it fails the test too, so that the list is kept true.
 */
class ModuleTablesTests {

	private static final Path SOURCES = Path.of("src/main/java/uk/yourarea");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** The package that owns each table. */
	private static final Map<String, String> OWNER = new HashMap<>();

	static {
		own("audit", "change_record change_record_field");
		own("consultation", "consultation consultation_issue consultation_response consultation_response_issue");
		own("contact", "contact_message message_access_token message_entry");
		own("postcode",
				"coverage_import coverage_import_boundary coverage_import_move coverage_import_rejection "
						+ "coverage_state postcode postcode_override neighbourhood_boundary neighbourhood_ward "
						+ "neighbourhood_ward_list");
		own("event", "event");
		own("inbox", "scheduled_job_run");
		own("neighbourhood", "local_policing_area neighbourhood neighbourhood_former_slug");
		own("notification", "outbox_email");
		own("priority", "priority priority_update");
		own("security",
				"staff_account staff_authenticator_app staff_local_policing_area staff_neighbourhood "
						+ "staff_recovery_code staff_role staff_session staff_session_attributes user_credentials "
						+ "user_entities");
		own("station",
				"station station_exception station_exception_hours station_neighbourhood " + "station_opening_hours");
		own("team", "photo photo_size team_member");
		own("web", "form_stamp_key rate_limit_hit staff_form_submission");
	}

	/**
	 * The places that still read another package's tables (package/Class → tables), to be
	 * moved behind the owners' APIs by issue 18. Never add to it.
	 */
	private static final Map<String, Set<String>> NOT_YET_MOVED = Map.ofEntries(
			Map.entry("admin/GuaranteeReport",
					Set.of("event", "local_policing_area", "neighbourhood", "priority", "staff_account",
							"staff_local_policing_area", "staff_neighbourhood", "staff_role", "team_member")),
			Map.entry("area/AreaPages", Set.of("consultation", "neighbourhood", "priority", "priority_update")),
			Map.entry("consultation/DemoConsultations", Set.of("neighbourhood")),
			Map.entry("contact/DemoMessages",
					Set.of("neighbourhood", "staff_account", "staff_local_policing_area", "staff_neighbourhood",
							"staff_role")),
			Map.entry("demo/DemoData", Set.of("neighbourhood_boundary", "neighbourhood_ward")),
			Map.entry("inbox/StaffDirectory",
					Set.of("neighbourhood", "staff_account", "staff_local_policing_area", "staff_neighbourhood",
							"staff_role")),
			Map.entry("inbox/StalePriorities", Set.of("neighbourhood", "priority")),
			Map.entry("neighbourhood/NeighbourhoodChanges", Set.of("postcode", "team_member")),
			Map.entry("postcode/CoverageAssigner", Set.of("neighbourhood")),
			Map.entry("postcode/CoverageEditing", Set.of("neighbourhood")),
			Map.entry("postcode/CoverageImports", Set.of("neighbourhood")),
			Map.entry("postcode/CoverageNeighbourhoods", Set.of("neighbourhood")),
			Map.entry("postcode/PostcodeImportCommand", Set.of("neighbourhood")),
			Map.entry("postcode/PostcodeLookup", Set.of("neighbourhood")),
			Map.entry("security/DemoStaffAccounts", Set.of("local_policing_area", "neighbourhood")),
			Map.entry("security/StaffScope", Set.of("neighbourhood")));

	private static final Pattern TABLE_IN_SQL = Pattern
		.compile("\\b(?:from|join|into|update|table|exists)\\s+(?:only\\s+)?([a-z_]+)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern CREATE_TABLE = Pattern.compile("create table (?:if not exists )?([a-z_]+)",
			Pattern.CASE_INSENSITIVE);

	private static void own(String module, String tables) {
		for (String table : tables.split(" ")) {
			OWNER.put(table, module);
		}
	}

	@Test
	void everyTableHasAnOwner() throws IOException {
		Set<String> created = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path migration : files.filter((file) -> file.toString().endsWith(".sql")).toList()) {
				Matcher table = CREATE_TABLE.matcher(Files.readString(migration));
				while (table.find()) {
					created.add(table.group(1).toLowerCase());
				}
			}
		}
		assertThat(created).as("tables the migrations create").isNotEmpty();
		assertThat(OWNER.keySet()).as("tables with an owner in this test").containsAll(created);
	}

	@Test
	void noPackageNamesAnotherPackagesTableInSql() throws IOException {
		Map<String, Set<String>> found = crossings();
		List<String> wrong = new ArrayList<>();
		found.forEach((place, tables) -> {
			Set<String> allowed = NOT_YET_MOVED.getOrDefault(place, Set.of());
			for (String table : tables) {
				if (!allowed.contains(table)) {
					wrong.add(place + " names " + table + " (" + OWNER.get(table)
							+ "'s): ask that package's API instead");
				}
			}
		});
		assertThat(wrong).as("SQL that reaches into another package's tables").isEmpty();
	}

	@Test
	void theListOfPlacesNotYetMovedIsTrue() throws IOException {
		Map<String, Set<String>> found = crossings();
		List<String> stale = new ArrayList<>();
		NOT_YET_MOVED.forEach((place, tables) -> {
			for (String table : tables) {
				if (!found.getOrDefault(place, Set.of()).contains(table)) {
					stale.add(place + " no longer names " + table + ": remove it from NOT_YET_MOVED");
				}
			}
		});
		assertThat(stale).isEmpty();
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
						String name = table.group(1).toLowerCase();
						String owner = OWNER.get(name);
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
