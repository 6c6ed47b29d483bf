package uk.yourarea.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import uk.yourarea.coverage.Boundaries;
import uk.yourarea.coverage.CoverageAssigner;
import uk.yourarea.coverage.CoverageSeeding;
import uk.yourarea.coverage.CsvLine;
import uk.yourarea.coverage.DerivedBoundaries;
import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.demo.DemoForce.DemoNeighbourhood;
import uk.yourarea.event.DemoEventSeeding;
import uk.yourarea.neighbourhood.DemoNeighbourhoodSeeding;
import uk.yourarea.neighbourhood.DemoNeighbourhoodSeeding.NewNeighbourhood;
import uk.yourarea.priority.DemoPrioritySeeding;
import uk.yourarea.station.DemoStationSeeding;
import uk.yourarea.station.DemoStationSeeding.NewStation;
import uk.yourarea.station.DemoStationSeeding.Opening;
import uk.yourarea.team.DemoTeamSeeding;
import uk.yourarea.team.DemoTeamSeeding.NewMember;

/**
 * Fills an empty database with a believable force for the demo profile: Leicestershire's
 * 66 real neighbourhoods and all LE postcodes, with fictional officers, priorities,
 * events and stations. The same data comes out every time for the same day. Nothing runs
 * when the database already has neighbourhoods.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "yourarea.demo.load", havingValue = "true")
class DemoData implements ApplicationRunner {

	/** Neighbourhoods left without a named officer, as a real force would have gaps. */
	static final Set<String> WITHOUT_NAMED_OFFICER = Set.of("NC66", "NH24", "NR37");

	/** Neighbourhoods whose named officer's details were last confirmed too long ago. */
	static final Set<String> NAME_NOT_RECENTLY_CONFIRMED = Set.of("NE14", "NN47");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoNeighbourhoodSeeding neighbourhoods;

	private final DemoTeamSeeding teams;

	private final DemoPrioritySeeding priorities;

	private final DemoEventSeeding events;

	private final DemoStationSeeding stations;

	private final PostcodeImporter postcodeImporter;

	private final CoverageAssigner coverage;

	private final CoverageSeeding seeding;

	private final DerivedBoundaries derivedBoundaries;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoData(DemoNeighbourhoodSeeding neighbourhoods, DemoTeamSeeding teams, DemoPrioritySeeding priorities,
			DemoEventSeeding events, DemoStationSeeding stations, PostcodeImporter postcodeImporter,
			CoverageAssigner coverage, CoverageSeeding seeding, DerivedBoundaries derivedBoundaries,
			TransactionTemplate transaction, Clock clock) {
		this.seeding = seeding;
		this.derivedBoundaries = derivedBoundaries;
		this.neighbourhoods = neighbourhoods;
		this.teams = teams;
		this.priorities = priorities;
		this.events = events;
		this.stations = stations;
		this.postcodeImporter = postcodeImporter;
		this.coverage = coverage;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
		nameWards();
		deriveBoundaries();
		this.seeding.seeded();
	}

	/**
	 * Names the demo's wards as its ward list does (the Code-Point Open file names them
	 * too when it is loaded), also on a database loaded before wards had names.
	 */
	void nameWards() {
		Map<String, String> names = new LinkedHashMap<>();
		for (List<String> row : readCsv("demo/ward-neighbourhoods.csv")) {
			names.put(row.get(0), row.get(1));
		}
		this.seeding.nameWards(names);
	}

	/**
	 * Gives every neighbourhood without a published boundary an approximate one from its
	 * postcodes, clipped to the force area; on a database loaded before there were
	 * derived boundaries too, and nothing when every neighbourhood has one.
	 */
	void deriveBoundaries() {
		Geometry forceArea = Boundaries.parse(readText("demo/force-area-leicestershire.geojson"));
		this.derivedBoundaries.deriveMissing(forceArea);
	}

	void load() {
		if (this.neighbourhoods.anyNeighbourhoods()) {
			log.info("Demo data: the database already has neighbourhoods, nothing loaded");
			return;
		}
		log.info("Demo data: loading Leicestershire's neighbourhoods, LE postcodes and a fictional force");
		Map<String, DemoNeighbourhood> byCode = this.transaction.execute((status) -> {
			Map<String, DemoNeighbourhood> created = createNeighbourhoods();
			createCoverage(created);
			created.values().forEach(this::createTeamPrioritiesAndEvents);
			createStations(created);
			return created;
		});
		try (InputStream postcodes = new GZIPInputStream(
				new ClassPathResource("demo/codepoint-open-2014-08-LE.csv.gz").getInputStream())) {
			log.info("Demo data: {}", this.postcodeImporter.importFrom(postcodes).summary());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log.info("Demo data: {} neighbourhoods; {}", byCode.size(), this.coverage.assignAll());
	}

	private Map<String, DemoNeighbourhood> createNeighbourhoods() {
		Map<String, Long> areaIds = new HashMap<>();
		for (DemoForce.Lpa lpa : DemoForce.LOCAL_POLICING_AREAS) {
			areaIds.put(lpa.prefix(), this.neighbourhoods.addLocalPolicingArea(lpa.code(), lpa.name(), lpa.commander(),
					"Chief Inspector"));
		}
		// Teams, priorities and events are created in this map's order, which so decides
		// their ids.
		Map<String, DemoNeighbourhood> byCode = new HashMap<>();
		for (JsonNode node : readJson("demo/neighbourhoods.json")) {
			String code = node.get("id").asString();
			String name = HtmlUtils.htmlUnescape(node.get("name").asString());
			String slug = this.neighbourhoods.slugOf(name);
			String mailbox = slug.replace("-", ".");
			long id = this.neighbourhoods.addNeighbourhood(new NewNeighbourhood(code, name,
					areaIds.get(code.substring(0, 2)), DemoForce.description(name), mailbox + ".npt@example.org", "101",
					(code.hashCode() % 2 == 0) ? "https://www.facebook.com/example-" + slug : null,
					DemoForce.welshDescription(name)));
			byCode.put(code, new DemoNeighbourhood(id, code, name));
		}
		return byCode;
	}

	private void createCoverage(Map<String, DemoNeighbourhood> byCode) {
		Map<String, Long> wards = new LinkedHashMap<>();
		for (List<String> row : readCsv("demo/ward-neighbourhoods.csv")) {
			wards.put(row.get(0), byCode.get(row.get(2)).id());
		}
		this.seeding.giveWards(wards);
		Geometry cityCentre = Boundaries.parse(readText("demo/boundary-NC04.geojson"));
		this.seeding.saveBoundary(byCode.get("NC04").id(), cityCentre,
				"data.police.uk /leicestershire/NC04/boundary (OGL v3)");
		for (String code : List.of("NC66", "NS68")) {
			Geometry drawn = Boundaries.parse(readText("demo/boundary-" + code + ".geojson")).difference(cityCentre);
			this.seeding.saveBoundary(byCode.get(code).id(), drawn, "Demonstration approximation, not published");
		}
	}

	private void createTeamPrioritiesAndEvents(DemoNeighbourhood neighbourhood) {
		Random random = new Random(neighbourhood.code().hashCode());
		LocalDate today = LocalDate.now(this.clock);
		List<NewMember> members = new ArrayList<>(DemoForce.team(neighbourhood, random));
		if (DemoForce.WITH_WELSH.contains(neighbourhood.name())) {
			members.set(0, members.get(0).withWelshBio(DemoForce.welshBio(neighbourhood.name())));
		}
		if (!WITHOUT_NAMED_OFFICER.contains(neighbourhood.code())) {
			int daysAgo = NAME_NOT_RECENTLY_CONFIRMED.contains(neighbourhood.code()) ? 200 + random.nextInt(100)
					: 3 + random.nextInt(120);
			members.set(0, members.get(0).asNamedOfficer(today.minusDays(daysAgo)));
		}
		this.teams.addTeam(neighbourhood.id(), members);
		DemoForce.priorities(today, random)
			.forEach((priority) -> this.priorities.addPriority(neighbourhood.id(), priority));
		ZonedDateTime midnight = today.atStartOfDay(this.clock.getZone());
		DemoForce.events(neighbourhood, midnight, random).forEach(this.events::addEvent);
	}

	private void createStations(Map<String, DemoNeighbourhood> byCode) {
		List<Opening> stationWeek = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.getValue() <= 5) {
				stationWeek.add(new Opening(day, LocalTime.of(8, 0), LocalTime.of(18, 0)));
			}
			else if (day == DayOfWeek.SATURDAY) {
				stationWeek.add(new Opening(day, LocalTime.of(9, 0), LocalTime.of(13, 0)));
			}
		}
		List<Opening> hubWeek = List.of(new Opening(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(12, 30)),
				new Opening(DayOfWeek.TUESDAY, LocalTime.of(13, 30), LocalTime.of(16, 0)),
				new Opening(DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(19, 0)));
		for (DemoForce.Lpa lpa : DemoForce.LOCAL_POLICING_AREAS) {
			List<Long> served = byCode.values()
				.stream()
				.filter((n) -> n.code().startsWith(lpa.prefix()))
				.map(DemoNeighbourhood::id)
				.toList();
			this.stations.addStation(new NewStation(lpa.stationName(), false, lpa.stationAddress(),
					lpa.stationPostcode(), true, stationWeek, served, DemoForce.welshStationName(lpa.stationName())));
			this.stations.addStation(new NewStation(lpa.hubName(), true, lpa.hubAddress(), lpa.hubPostcode(), false,
					hubWeek, served.stream().limit(Math.max(1, served.size() / 2)).toList()));
		}
	}

	private static JsonNode readJson(String resource) {
		return JsonMapper.builder().build().readTree(readText(resource));
	}

	private static String readText(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads a small CSV resource of the demo, a row of fields per line. */
	private static List<List<String>> readCsv(String resource) {
		List<List<String>> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					rows.add(CsvLine.split(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

}
