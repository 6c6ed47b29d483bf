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
import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.event.Event;
import uk.yourarea.event.EventRepository;
import uk.yourarea.event.EventType;
import uk.yourarea.neighbourhood.LocalPolicingArea;
import uk.yourarea.neighbourhood.LocalPolicingAreaRepository;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;
import uk.yourarea.priority.Priority;
import uk.yourarea.priority.PriorityRepository;
import uk.yourarea.priority.PriorityUpdateRepository;
import uk.yourarea.station.Station;
import uk.yourarea.station.StationRepository;
import uk.yourarea.team.Role;
import uk.yourarea.team.TeamMember;
import uk.yourarea.team.TeamMemberRepository;

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

	private final LocalPolicingAreaRepository areas;

	private final NeighbourhoodRepository neighbourhoods;

	private final TeamMemberRepository team;

	private final PriorityRepository priorities;

	private final PriorityUpdateRepository priorityUpdates;

	private final EventRepository events;

	private final StationRepository stations;

	private final PostcodeImporter postcodeImporter;

	private final CoverageAssigner coverage;

	private final CoverageSeeding seeding;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoData(LocalPolicingAreaRepository areas, NeighbourhoodRepository neighbourhoods, TeamMemberRepository team,
			PriorityRepository priorities, PriorityUpdateRepository priorityUpdates, EventRepository events,
			StationRepository stations, PostcodeImporter postcodeImporter, CoverageAssigner coverage,
			CoverageSeeding seeding, TransactionTemplate transaction, Clock clock) {
		this.seeding = seeding;
		this.areas = areas;
		this.neighbourhoods = neighbourhoods;
		this.team = team;
		this.priorities = priorities;
		this.priorityUpdates = priorityUpdates;
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
	}

	void load() {
		if (this.neighbourhoods.count() > 0) {
			log.info("Demo data: the database already has neighbourhoods, nothing loaded");
			return;
		}
		log.info("Demo data: loading Leicestershire's neighbourhoods, LE postcodes and a fictional force");
		Map<String, Neighbourhood> byCode = this.transaction.execute((status) -> {
			Map<String, Neighbourhood> created = createNeighbourhoods();
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

	private Map<String, Neighbourhood> createNeighbourhoods() {
		Map<String, LocalPolicingArea> lpas = new HashMap<>();
		for (DemoForce.Lpa lpa : DemoForce.LOCAL_POLICING_AREAS) {
			lpas.put(lpa.prefix(),
					this.areas.save(new LocalPolicingArea(lpa.code(), lpa.name(), lpa.commander(), "Chief Inspector")));
		}
		Map<String, Neighbourhood> byCode = new HashMap<>();
		for (JsonNode node : readJson("demo/neighbourhoods.json")) {
			String code = node.get("id").asString();
			String name = HtmlUtils.htmlUnescape(node.get("name").asString());
			Neighbourhood neighbourhood = new Neighbourhood(code, name, lpas.get(code.substring(0, 2)));
			neighbourhood.describe(DemoForce.description(name));
			String mailbox = neighbourhood.getSlug().replace("-", ".");
			neighbourhood.contactDetails(mailbox + ".npt@example.org", "101",
					(code.hashCode() % 2 == 0) ? "https://www.facebook.com/example-" + neighbourhood.getSlug() : null,
					null, null);
			byCode.put(code, this.neighbourhoods.save(neighbourhood));
		}
		return byCode;
	}

	private void createCoverage(Map<String, Neighbourhood> byCode) {
		Map<String, Long> wards = new LinkedHashMap<>();
		for (List<String> row : readCsv("demo/ward-neighbourhoods.csv")) {
			wards.put(row.get(0), byCode.get(row.get(2)).getId());
		}
		this.seeding.giveWards(wards);
		Geometry cityCentre = Boundaries.parse(readText("demo/boundary-NC04.geojson"));
		this.seeding.saveBoundary(byCode.get("NC04").getId(), cityCentre,
				"data.police.uk /leicestershire/NC04/boundary (OGL v3)");
		for (String code : List.of("NC66", "NS68")) {
			Geometry drawn = Boundaries.parse(readText("demo/boundary-" + code + ".geojson")).difference(cityCentre);
			this.seeding.saveBoundary(byCode.get(code).getId(), drawn, "Demonstration approximation, not published");
		}
	}

	private void createTeamPrioritiesAndEvents(Neighbourhood neighbourhood) {
		Random random = new Random(neighbourhood.getCode().hashCode());
		LocalDate today = LocalDate.now(this.clock);
		List<TeamMember> members = DemoForce.team(neighbourhood, random);
		TeamMember first = members.get(0);
		if (!WITHOUT_NAMED_OFFICER.contains(neighbourhood.getCode())) {
			int daysAgo = NAME_NOT_RECENTLY_CONFIRMED.contains(neighbourhood.getCode()) ? 200 + random.nextInt(100)
					: 3 + random.nextInt(120);
			first.makeNamedOfficer(today.minusDays(daysAgo));
		}
		this.team.saveAll(members);
		for (DemoForce.DemoPriority demo : DemoForce.priorities(neighbourhood, today, random)) {
			Priority priority = this.priorities.save(demo.priority());
			for (DemoForce.DemoUpdate update : demo.updates()) {
				this.priorityUpdates.save(priority.addUpdate(update.text(), update.writtenOn(), "Neighbourhood team",
						this.clock.instant()));
			}
		}
		ZonedDateTime midnight = today.atStartOfDay(this.clock.getZone());
		for (Event event : DemoForce.events(neighbourhood, midnight, random)) {
			this.events.save(event);
		}
	}

	private void createStations(Map<String, Neighbourhood> byCode) {
		for (DemoForce.Lpa lpa : DemoForce.LOCAL_POLICING_AREAS) {
			List<Neighbourhood> served = byCode.values()
				.stream()
				.filter((n) -> n.getCode().startsWith(lpa.prefix()))
				.toList();
			Station station = new Station(lpa.stationName(), Station.Kind.STATION, lpa.stationAddress(),
					lpa.stationPostcode(), true);
			for (DayOfWeek day : DayOfWeek.values()) {
				if (day.getValue() <= 5) {
					station.open(day, LocalTime.of(8, 0), LocalTime.of(18, 0));
				}
				else if (day == DayOfWeek.SATURDAY) {
					station.open(day, LocalTime.of(9, 0), LocalTime.of(13, 0));
				}
			}
			served.forEach((n) -> station.serve(n.getId()));
			this.stations.save(station);
			Station hub = new Station(lpa.hubName(), Station.Kind.HUB, lpa.hubAddress(), lpa.hubPostcode(), false);
			hub.open(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(12, 30));
			hub.open(DayOfWeek.TUESDAY, LocalTime.of(13, 30), LocalTime.of(16, 0));
			hub.open(DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(19, 0));
			served.stream().limit(Math.max(1, served.size() / 2)).forEach((n) -> hub.serve(n.getId()));
			this.stations.save(hub);
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

	/**
	 * Reads a small CSV resource with simple fields (quotes only around fields without
	 * commas).
	 */
	private static List<List<String>> readCsv(String resource) {
		List<List<String>> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					rows.add(List.of(line.replaceAll("\"[^\"]*\"", "").split(",", -1)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

}
