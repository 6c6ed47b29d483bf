package uk.yourarea.opendata;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.testing.TestPostcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data API over real HTTP against the demo data: every path and error, the
 * shapes of the answers against data.police.uk's captured ones, and the client model that
 * reads those reading ours too.
 */
@DemoSiteTest
class OpenDataApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Inside the City Centre's real boundary, and in no other. */
	private static final String IN_CITY_CENTRE = "52.6389,-1.13619";

	@Autowired
	private Site site;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private org.springframework.core.env.Environment environment;

	private HttpResponse<String> get(String path, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Accept";
		all[1] = "application/json";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return this.site.get(path, all);
	}

	private String ok(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).as(path)
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		return response.body();
	}

	@Test
	void listsOurForceAsDataPoliceUkListsForces() {
		String ours = ok("/api/forces");

		JsonShapes.assertSameShape(ours,
				"[" + PoliceUkClient.captured("police-data-kit-fixtures/police-force-reference.json") + "]", Set.of(),
				Set.of());
		List<PoliceUkClient.ForceReference> forces = PoliceUkClient.readList(ours, PoliceUkClient.ForceReference.class);
		assertThat(forces)
			.containsExactly(new PoliceUkClient.ForceReference("leicestershire", "Leicestershire Police"));
	}

	@Test
	void describesTheForce() {
		String ours = ok("/api/forces/leicestershire");

		JsonShapes.assertSameShape(ours, PoliceUkClient.captured("police-data-kit-fixtures/police-force.json"),
				Set.of(), Set.of());
		PoliceUkClient.Force force = PoliceUkClient.read(ours, PoliceUkClient.Force.class);
		assertThat(force.id()).isEqualTo("leicestershire");
		assertThat(force.telephone()).isEqualTo("101");
		assertThat(force.description()).startsWith("<p>").contains("Open Government Licence v3.0");
		assertThat(force.engagementMethods()).extracting(PoliceUkClient.EngagementMethod::title)
			.contains("Your Area", "Facebook");
	}

	@Test
	void listsEveryLiveNeighbourhoodByCode() {
		String ours = ok("/api/leicestershire/neighbourhoods");

		JsonShapes.assertSameShape(ours, PoliceUkClient.captured("leicestershire/neighbourhoods.json"), Set.of(),
				Set.of());
		List<PoliceUkClient.NeighbourhoodReference> listed = PoliceUkClient.readList(ours,
				PoliceUkClient.NeighbourhoodReference.class);
		List<String> live = this.jdbc.queryForList("select code from neighbourhood where retired_on is null",
				String.class);
		assertThat(listed).extracting(PoliceUkClient.NeighbourhoodReference::id)
			.containsExactlyInAnyOrderElementsOf(live);
		assertThat(listed).contains(new PoliceUkClient.NeighbourhoodReference("NC04", "City Centre"));
	}

	@Test
	void describesANeighbourhoodAsDataPoliceUkDoes() {
		String ours = ok("/api/leicestershire/NC04");

		JsonShapes.assertSameShape(ours, PoliceUkClient.captured("leicestershire/NC04.json"),
				Set.of("$.contact_details", "$.locations", "$.links"), Set.of());
		JsonNode tree = JSON.readTree(ours);
		assertThat(tree.get("population").isString()).isTrue();
		for (JsonNode location : tree.get("locations")) {
			JsonShapes.assertSameShape(location.toString(),
					PoliceUkClient.captured("police-data-kit-fixtures/neighbourhood-location.json"), Set.of(),
					Set.of());
		}
		PoliceUkClient.Neighbourhood captured = PoliceUkClient.read(PoliceUkClient.captured("leicestershire/NC04.json"),
				PoliceUkClient.Neighbourhood.class);
		PoliceUkClient.Neighbourhood neighbourhood = PoliceUkClient.read(ours, PoliceUkClient.Neighbourhood.class);
		assertThat(neighbourhood.id()).isEqualTo(captured.id());
		assertThat(neighbourhood.name()).isEqualTo(captured.name());
		assertThat(neighbourhood.urlForce()).endsWith("/area/city-centre");
		assertThat(neighbourhood.centre().lat()).isBetween(52.6317, 52.6462);
		assertThat(neighbourhood.centre().lng()).isBetween(-1.1459, -1.1265);
		assertThat(neighbourhood.populationCount()).isEqualTo(captured.populationCount());
		assertThat(neighbourhood.contactDetails()).containsKeys("email", "telephone");
		assertThat(neighbourhood.locations()).isNotEmpty().allSatisfy((location) -> {
			assertThat(location.type()).isIn("station", "other");
			assertThat(location.postcode()).matches("[A-Z0-9]{2,4} [0-9][A-Z]{2}");
			assertThat(location.latitude() == null).as(location.name()).isEqualTo(location.longitude() == null);
		});
		assertThat(neighbourhood.links()).extracting(PoliceUkClient.Link::url)
			.containsExactly(neighbourhood.urlForce() + "/alerts", neighbourhood.urlForce() + "/alerts.atom");
		assertThat(neighbourhood.links()).allSatisfy((link) -> {
			assertThat(link.title()).contains("City Centre team");
			assertThat(link.description()).isNotBlank();
		});
	}

	@Test
	void placesStationsWhosePostcodesHaveCoordinates() {
		// Wigston's station (LE18 1PA) is in the demo's postcode file; the City Centre's
		// (LE1 3FR) is newer than the file, so it has no coordinates, as on
		// data.police.uk.
		List<PoliceUkClient.Location> wigston = PoliceUkClient
			.read(ok("/api/leicestershire/NA54"), PoliceUkClient.Neighbourhood.class)
			.locations();
		assertThat(wigston).filteredOn((location) -> "LE18 1PA".equals(location.postcode()))
			.singleElement()
			.satisfies((station) -> {
				assertThat(Double.parseDouble(station.latitude())).isBetween(52.57, 52.60);
				assertThat(Double.parseDouble(station.longitude())).isBetween(-1.12, -1.08);
			});
		assertThat(PoliceUkClient.read(ok("/api/leicestershire/NC04"), PoliceUkClient.Neighbourhood.class).locations())
			.filteredOn((location) -> "LE1 3FR".equals(location.postcode()))
			.allSatisfy((station) -> assertThat(station.latitude()).isNull());
	}

	@Test
	void givesAnUnknownNeighbourhoodA404WithAJsonBody() {
		for (String path : List.of("/api/leicestershire/XX99", "/api/leicestershire/XX99/people",
				"/api/leicestershire/XX99/boundary", "/api/leicestershire/XX99/priorities",
				"/api/leicestershire/XX99/events", "/api/leicestershire/XX99/response-record",
				"/api/leicestershire/nc04", "/api/metropolitan/NC04", "/api/forces/metropolitan",
				"/api/metropolitan/neighbourhoods")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(JSON.readTree(response.body()).get("status").asInt()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
			assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
	}

	@Test
	void publishesNoRetiredNeighbourhood() {
		// A retired neighbourhood with a boundary around a point outside every live one.
		this.jdbc.update("""
				insert into neighbourhood (code, slug, name, local_policing_area_id, retired_on)
				select 'ZZOD1', 'zz-open-data-retired', 'Retired for the open data test', local_policing_area_id,
				       current_date - 1
				from neighbourhood where code = 'NA54'""");
		try {
			this.jdbc
				.update("""
						insert into neighbourhood_boundary (neighbourhood_id, geojson, source)
						select id, '{"type":"Polygon","coordinates":[[[-0.13,51.49],[-0.11,51.49],[-0.11,51.51],[-0.13,51.51],[-0.13,51.49]]]}', 'test'
						from neighbourhood where code = 'ZZOD1'""");
			// As every change to boundaries does, so that the kept ones are read again.
			this.jdbc.update("update coverage_state set version = version + 1 where id = 1");

			assertThat(ok("/api/leicestershire/neighbourhoods")).doesNotContain("ZZOD1");
			for (String path : List.of("/api/leicestershire/ZZOD1", "/api/leicestershire/ZZOD1/boundary",
					"/api/leicestershire/ZZOD1/people", "/api/leicestershire/ZZOD1/priorities",
					"/api/leicestershire/ZZOD1/events", "/api/leicestershire/ZZOD1/response-record",
					"/api/locate-neighbourhood?q=51.5007,-0.1246")) {
				assertThat(get(path).statusCode()).as(path).isEqualTo(404);
			}
			this.jdbc.update("update neighbourhood set retired_on = null where code = 'ZZOD1'");
			TestPostcodes.changedBySql(this.events);
			assertThat(get("/api/leicestershire/ZZOD1").statusCode()).isEqualTo(200);
			assertThat(PoliceUkClient.read(ok("/api/locate-neighbourhood?q=51.5007,-0.1246"), PoliceUkClient.Team.class)
				.neighbourhood()).isEqualTo("ZZOD1");
		}
		finally {
			TestNeighbourhoods.removeWhereCodeMatches(this.jdbc, this.events, "^ZZOD1$");
		}
	}

	@Test
	void givesTheBoundaryAsDataPoliceUkDoes() {
		String ours = ok("/api/leicestershire/NC04/boundary");

		String theirs = PoliceUkClient.captured("leicestershire/NC04-boundary.json");
		JsonShapes.assertSameShape(ours, theirs, Set.of(), Set.of());
		List<PoliceUkClient.Coordinate> points = PoliceUkClient.readList(ours, PoliceUkClient.Coordinate.class);
		List<PoliceUkClient.Coordinate> captured = PoliceUkClient.readList(theirs, PoliceUkClient.Coordinate.class);
		assertThat(points).hasSizeGreaterThan(50);
		assertThat(points.get(0)).isEqualTo(points.get(points.size() - 1));
		assertThat(points.stream().mapToDouble(PoliceUkClient.Coordinate::lat).min().getAsDouble()).isCloseTo(
				captured.stream().mapToDouble(PoliceUkClient.Coordinate::lat).min().getAsDouble(),
				org.assertj.core.data.Offset.offset(1e-6));
		assertThat(points.stream().mapToDouble(PoliceUkClient.Coordinate::lng).max().getAsDouble()).isCloseTo(
				captured.stream().mapToDouble(PoliceUkClient.Coordinate::lng).max().getAsDouble(),
				org.assertj.core.data.Offset.offset(1e-6));
		assertThat(points).allSatisfy((point) -> assertThat(point.latitude()).matches("-?[0-9]+(\\.[0-9]{1,10})?"));
	}

	@Test
	void listsTheTeamWithTheNamedOfficerMarked() {
		String ours = ok("/api/leicestershire/NA54/people");

		JsonShapes.assertSameShape(ours,
				"[" + PoliceUkClient.captured("police-data-kit-fixtures/police-officer.json") + "]",
				Set.of("$[].contact_details"), Set.of("$[].named_officer"));
		List<PoliceUkClient.Officer> officers = PoliceUkClient.readList(ours, PoliceUkClient.Officer.class);
		int members = this.jdbc.queryForObject("select count(*) from team_member t join neighbourhood n "
				+ "on n.id = t.neighbourhood_id where n.code = 'NA54'", Integer.class);
		assertThat(officers).hasSize(members).isNotEmpty();
		JsonNode tree = JSON.readTree(ours);
		long named = 0;
		for (JsonNode person : tree) {
			assertThat(person.get("named_officer").isBoolean()).isTrue();
			named += person.get("named_officer").asBoolean() ? 1 : 0;
		}
		assertThat(named).isEqualTo(1);
	}

	@Test
	void listsThePrioritiesWithHyphenatedDateKeys() {
		String ours = ok("/api/leicestershire/NA54/priorities");

		JsonShapes.assertSameShape(ours,
				"[" + PoliceUkClient.captured("police-data-kit-fixtures/neighbourhood-priority.json") + ","
						+ PoliceUkClient.captured("police-data-kit-fixtures/neighbourhood-priority-no-action.json")
						+ "]",
				Set.of(), Set.of());
		List<PoliceUkClient.Priority> priorities = PoliceUkClient.readList(ours, PoliceUkClient.Priority.class);
		assertThat(priorities).isNotEmpty().allSatisfy((priority) -> {
			assertThat(priority.issue()).startsWith("<p>");
			assertThat(priority.issued()).isBefore(LocalDateTime.now().plusDays(1));
			assertThat(priority.issueDate()).matches("\\d{4}-\\d{2}-\\d{2}T00:00:00");
		});
	}

	@Test
	void listsTheUpcomingEventsWithDataPoliceUkFields() {
		String ours = ok("/api/leicestershire/NA54/events");

		List<PoliceUkClient.Event> events = PoliceUkClient.readList(ours, PoliceUkClient.Event.class);
		assertThat(events).isNotEmpty().allSatisfy((event) -> {
			assertThat(event.ends()).isAfter(event.starts());
			assertThat(event.startDate()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
			assertThat(event.type()).matches("[a-z0-9-]+");
		});
		for (JsonNode event : JSON.readTree(ours)) {
			assertThat(event.propertyNames()).containsExactlyInAnyOrder("title", "description", "address", "type",
					"start_date", "end_date", "contact_details");
			assertThat(event.get("contact_details").isObject()).isTrue();
		}
	}

	@Test
	void locatesAPointByItsNeighbourhoodsBoundary() {
		String ours = ok("/api/locate-neighbourhood?q=" + IN_CITY_CENTRE);

		JsonShapes.assertSameShape(ours,
				PoliceUkClient.captured("police-data-kit-fixtures/neighbourhood-policing-team.json"), Set.of(),
				Set.of());
		assertThat(PoliceUkClient.read(ours, PoliceUkClient.Team.class))
			.isEqualTo(new PoliceUkClient.Team("leicestershire", "NC04"));
	}

	@Test
	void locatesEveryNeighbourhoodsCentreToItWhetherItsBoundaryIsRealOrApproximate() {
		List<PoliceUkClient.NeighbourhoodReference> all = PoliceUkClient
			.readList(ok("/api/leicestershire/neighbourhoods"), PoliceUkClient.NeighbourhoodReference.class);
		assertThat(all).hasSizeGreaterThan(60);
		for (PoliceUkClient.NeighbourhoodReference neighbourhood : all) {
			PoliceUkClient.Coordinate centre = PoliceUkClient
				.read(ok("/api/leicestershire/" + neighbourhood.id()), PoliceUkClient.Neighbourhood.class)
				.centre();
			assertThat(PoliceUkClient.read(
					ok("/api/locate-neighbourhood?q=" + centre.latitude() + "," + centre.longitude()),
					PoliceUkClient.Team.class))
				.as(neighbourhood.name())
				.isEqualTo(new PoliceUkClient.Team("leicestershire", neighbourhood.id()));
		}
	}

	@Test
	void givesAPointOutsideEveryNeighbourhoodA404() {
		HttpResponse<String> response = get("/api/locate-neighbourhood?q=51.5007,-0.1246");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(response.body()).get("error").asString()).contains("not inside");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "?q=", "?q=52.6389", "?q=north,west", "?q=52.6389;-1.13619", "?q=91,0",
			"?q=52.6389,-181", "?q=52.6389,-1.13619,4" })
	void givesAMalformedPointA400WithAJsonError(String query) {
		HttpResponse<String> response = get("/api/locate-neighbourhood" + query);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode error = JSON.readTree(response.body());
		assertThat(error.get("status").asInt()).isEqualTo(400);
		assertThat(error.get("error").asString()).contains("latitude and longitude");
	}

	@Test
	void findsAPostcodesNeighbourhood() {
		String code = this.jdbc.queryForObject(
				"select n.code from postcode p join neighbourhood n on n.id = p.neighbourhood_id where p.postcode = 'LE18 1AA'",
				String.class);

		String ours = ok("/api/postcode/LE18%201AA");

		assertThat(PoliceUkClient.read(ours, PoliceUkClient.Team.class))
			.isEqualTo(new PoliceUkClient.Team("leicestershire", code));
		assertThat(PoliceUkClient.read(ok("/api/postcode/le181aa"), PoliceUkClient.Team.class).neighbourhood())
			.isEqualTo(code);
		assertThat(get("/api/postcode/SW1A%201AA").statusCode()).isEqualTo(404);
		HttpResponse<String> malformed = get("/api/postcode/not-a-postcode");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(malformed.body()).get("status").asInt()).isEqualTo(400);
	}

	@Test
	void publishesTheResponseRecord() {
		JsonNode record = JSON.readTree(ok("/api/leicestershire/NA54/response-record"));

		assertThat(record.get("period_days").asInt()).isEqualTo(90);
		assertThat(record.get("target_hours").asInt()).isEqualTo(72);
		assertThat(record.get("received").isInt()).isTrue();
		assertThat(record.get("replied_on_time").isInt()).isTrue();
		assertThat(record.has("percent_on_time")).isTrue();
		assertThat(record.has("median_reply_hours")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/forces", "/api/forces/leicestershire", "/api/leicestershire/neighbourhoods",
			"/api/leicestershire/NC04", "/api/leicestershire/NC04/boundary", "/api/leicestershire/NC04/people",
			"/api/leicestershire/NC04/priorities", "/api/leicestershire/NC04/events",
			"/api/leicestershire/NC04/response-record", "/api/locate-neighbourhood?q=" + IN_CITY_CENTRE,
			"/api/postcode/LE18%201AA" })
	void answersAreOpenToEveryOriginCacheableAndCookieless(String path) {
		HttpResponse<String> response = get(path, "Origin", "https://example.com");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(get(path).headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, s-maxage=60");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		String etag = response.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> again = get(path, "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void answersABrowsersPreflightForGetOnly() throws Exception {
		java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
		java.net.http.HttpRequest preflight = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(this.port() + "/api/leicestershire/NC04"))
			.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://example.com")
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "if-none-match")
			.build();

		HttpResponse<String> response = client.send(preflight, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	private String port() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}

	@Test
	void describesItselfInOpenApi() {
		JsonNode openApi = JSON.readTree(ok("/api/openapi.json"));

		assertThat(openApi.get("openapi").asString()).startsWith("3.");
		assertThat(openApi.get("paths").propertyNames()).contains("/api/forces", "/api/forces/{force}",
				"/api/{force}/neighbourhoods", "/api/{force}/{id}", "/api/{force}/{id}/boundary",
				"/api/{force}/{id}/people", "/api/{force}/{id}/priorities", "/api/{force}/{id}/events",
				"/api/{force}/{id}/response-record", "/api/locate-neighbourhood", "/api/postcode/{postcode}");
		assertThat(openApi.get("paths").propertyNames()).allMatch((path) -> path.startsWith("/api/"));
		for (String path : openApi.get("paths").propertyNames()) {
			assertThat(openApi.get("paths").get(path).at("/get/description").asString()).as(path).isNotBlank();
		}
		assertThat(openApi.get("paths").get("/api/{force}/{id}").at("/get/description").asString())
			.contains("Population is always \"0\"");
		assertThat(openApi.at("/info/license/name").asString()).isEqualTo("Open Government Licence v3.0");
		assertThat(openApi.at("/components/schemas/Priority/properties").propertyNames())
			.containsExactlyInAnyOrder("issue", "issue-date", "action", "action-date");
		assertThat(openApi.at("/components/schemas/Neighbourhood/properties/url_force/type").asString())
			.isEqualTo("string");
	}

	@Test
	void explainsTheDataItsLicenceAndExamplesOnAPage() {
		HttpResponse<String> response = this.site.get("/api");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, s-maxage=60");
		assertThat(response.headers().firstValue("ETag")).isPresent();
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(response.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Open data");
		assertThat(page.select("main a[href*=open-government-licence/version/3]").text())
			.isEqualTo("Open Government Licence v3.0");
		assertThat(page.select("a[href=/api/leicestershire/neighbourhoods]")).hasSize(1);
		assertThat(page.select("a[href^=/api/locate-neighbourhood?q=]")).hasSize(1);
		for (org.jsoup.nodes.Element example : page.select("main a[href^=/api/]")) {
			assertThat(get(example.attr("href")).statusCode()).as(example.attr("href")).isEqualTo(200);
		}
		assertThat(page.select("a[href=/api/openapi.json]")).hasSize(1);
	}

}
