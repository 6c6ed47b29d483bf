package uk.yourarea.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.coverage.Boundaries;
import uk.yourarea.coverage.CoverageSeeding;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;
import uk.yourarea.web.Languages;
import uk.yourarea.web.PublicContentChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maps drawn by the server on the demo site: the City Centre's real boundary where it
 * is and within its point budget, the words and text alternative beside the map, the
 * force map linking every live neighbourhood, and what the maps add to a page.
 */
@DemoSiteTest
class NeighbourhoodMapsIT {

	/** What a map may add to a page, compressed. */
	static final int MAX_GZIPPED_BYTES = 10 * 1024;

	@Autowired
	Site site;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NeighbourhoodMaps maps;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	CoverageSeeding seeding;

	@Test
	void theCityCentreMapHasTheBoundingBoxOfItsRealBoundaryWithinThePointBudget() throws IOException {
		long cityCentre = this.jdbc.queryForObject("select id from neighbourhood where code = 'NC04'", Long.class);
		String slug = this.jdbc.queryForObject("select slug from neighbourhood where code = 'NC04'", String.class);
		Envelope real = Boundaries
			.parse(new ClassPathResource("demo/boundary-NC04.geojson").getContentAsString(StandardCharsets.UTF_8))
			.getEnvelopeInternal();
		NeighbourhoodMaps.AreaMap map = this.maps.of(cityCentre).orElseThrow();
		assertThat(map.approximate()).isFalse();
		assertThat(map.area().points()).isLessThanOrEqualTo(NeighbourhoodMaps.MAX_POINTS).isGreaterThan(10);

		Document page = this.site.page("/area/" + slug);
		Element svg = page.selectFirst("svg#area-map");
		assertThat(svg).isNotNull();
		String path = svg.selectFirst("path.ya-map__area").attr("d");
		List<long[]> points = points(path);
		assertThat(points.size()).isLessThanOrEqualTo(NeighbourhoodMaps.MAX_POINTS);

		// The picture is the boundary's extent with a fifth of its size around it.
		Envelope box = new Envelope(real);
		box.expandBy(NeighbourhoodMaps.MARGIN * Math.max(real.getWidth(), real.getHeight()));
		Projection projection = Projection.of(box, NeighbourhoodMaps.AREA_WIDTH);
		assertThat(svg.attr("viewBox")).isEqualTo(projection.viewBox());
		long minX = points.stream().mapToLong((p) -> p[0]).min().orElseThrow();
		long maxX = points.stream().mapToLong((p) -> p[0]).max().orElseThrow();
		long minY = points.stream().mapToLong((p) -> p[1]).min().orElseThrow();
		long maxY = points.stream().mapToLong((p) -> p[1]).max().orElseThrow();
		// Simplifying may cut a corner by a unit or two.
		assertThat(minX).isCloseTo(projection.x(real.getMinX()), org.assertj.core.data.Offset.offset(2L));
		assertThat(maxX).isCloseTo(projection.x(real.getMaxX()), org.assertj.core.data.Offset.offset(2L));
		assertThat(minY).isCloseTo(projection.y(real.getMaxY()), org.assertj.core.data.Offset.offset(2L));
		assertThat(maxY).isCloseTo(projection.y(real.getMinY()), org.assertj.core.data.Offset.offset(2L));
		// And that box is where the City Centre is: the middle of Leicester.
		assertThat(real.centre().x).isBetween(-1.15, -1.11);
		assertThat(real.centre().y).isBetween(52.62, 52.65);
	}

	@Test
	void theYourAreaPageNamesTheMapAndSaysInWordsWhatTheBoundaryCovers() {
		String slug = this.jdbc.queryForObject("select slug from neighbourhood where code = 'NA54'", String.class);
		Document page = this.site.page("/area/" + slug);
		Element svg = page.selectFirst("svg#area-map");
		assertThat(svg).isNotNull();
		assertThat(svg.attr("role")).isEqualTo("img");
		String title = page.getElementById(svg.attr("aria-labelledby").split(" ")[0]).text();
		assertThat(title).isEqualTo("Map of the Wigston neighbourhood (approximate boundary)");
		assertThat(page.select("#map-approximate").text()).contains("approximate");
		assertThat(page.select("#map-covers").text()).startsWith("It covers postcodes in").contains("LE18");
		List<String> neighbours = page.select("#map-neighbours a").eachText();
		assertThat(neighbours).contains("Oadby").hasSize(svg.select("text.ya-map__label").size());
		assertThat(svg.select("text.ya-map__label").eachText()).containsExactlyElementsOf(neighbours);
		assertThat(svg.select("path.ya-map__neighbour")).hasSize(neighbours.size());
		assertThat(svg.select("image, use, foreignObject, script")).as("nothing from elsewhere").isEmpty();
		assertThat(svg.select("text.ya-map__station-label").eachText()).as("stations and hubs marked")
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(page.select("main").text()).contains(name));
		assertThat(svg.select("circle.ya-map__station")).hasSameSizeAs(svg.select("text.ya-map__station-label"));
	}

	@Test
	void theWordsBesideTheMapNameTheWardsItsPostcodesAreIn() {
		String wigston = this.jdbc.queryForObject("select slug from neighbourhood where code = 'NA54'", String.class);
		Document page = this.site.page("/area/" + wigston);
		assertThat(page.select("#map-wards-lede").text()).isEqualTo("They are in these wards:");
		assertThat(page.select("#map-wards li").eachText()).containsExactly("Wigston All Saints", "Wigston Fields",
				"Wigston Meadowcourt", "Wigston St. Wolstan's");
		assertThat(page.selectFirst("svg#area-map").attr("aria-describedby"))
			.as("the map's text alternative says what it covers")
			.isEqualTo("map-covers map-wards-lede map-wards");

		String cityCentre = this.jdbc.queryForObject("select slug from neighbourhood where code = 'NC04'",
				String.class);
		assertThat(this.site.page("/area/" + cityCentre).select("#map-wards li").eachText()).contains("Castle");
	}

	@Test
	void theRealBoundaryIsNotCalledApproximate() {
		String slug = this.jdbc.queryForObject("select slug from neighbourhood where code = 'NC04'", String.class);
		Document page = this.site.page("/area/" + slug);
		assertThat(page.select("#area-map title").first().text()).isEqualTo("Map of the City Centre neighbourhood");
		assertThat(page.select("#map-approximate")).isEmpty();
	}

	@Test
	void theForceMapLinksEveryLiveNeighbourhoodAndMarksTheApproximateOnes() {
		Document page = this.site.page("/areas");
		Element svg = page.selectFirst("svg#force-map");
		assertThat(svg).isNotNull();
		Set<String> live = this.jdbc
			.queryForList("select slug from neighbourhood where retired_on is null", String.class)
			.stream()
			.map((slug) -> "/area/" + slug)
			.collect(Collectors.toSet());
		List<String> linked = svg.select("a[href]").eachAttr("href");
		assertThat(linked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(live);
		assertThat(svg.select("a[href]")).allSatisfy((link) -> {
			assertThat(link.attr("aria-label")).isNotBlank();
			assertThat(link.select("path")).hasSize(1);
		});
		Integer derived = this.jdbc.queryForObject("""
				select count(*) from neighbourhood_boundary b join neighbourhood n on n.id = b.neighbourhood_id
				where b.derived and n.retired_on is null""", Integer.class);
		assertThat(svg.select("a[aria-label$=(approximate boundary)]")).hasSize(derived);
		assertThat(page.select("main ul.govuk-list li:contains(approximate boundary)")).hasSize(derived);
	}

	@Test
	void aMapAddsAtMostTenKilobytesCompressedToAPage() throws IOException {
		for (String code : List.of("NC04", "NA54", "NR35", "NL02")) {
			String slug = this.jdbc.queryForList("select slug from neighbourhood where code = ?", String.class, code)
				.stream()
				.findFirst()
				.orElse(null);
			if (slug == null) {
				continue;
			}
			Element map = this.site.page("/area/" + slug).selectFirst("section.ya-map");
			assertThat(gzipped(map.outerHtml())).as(code).isLessThanOrEqualTo(MAX_GZIPPED_BYTES);
		}
		Element forceMap = this.site.page("/areas").selectFirst("div.ya-map");
		assertThat(gzipped(forceMap.outerHtml())).as("/areas").isLessThanOrEqualTo(MAX_GZIPPED_BYTES);
	}

	@ParameterizedTest
	@ValueSource(strings = { "alert", "priority", "event", "team-member", "station", "consultation" })
	void aMapIsKeptThroughAChangeThatCannotMoveIt(String kind) {
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		NeighbourhoodMaps.AreaMap drawn = this.maps.of(wigston).orElseThrow();
		NeighbourhoodMaps.ForceMap force = this.maps.force().orElseThrow();

		this.events.publishEvent(new PublicContentChanged(kind, 1, wigston));

		assertThat(this.maps.of(wigston).orElseThrow()).isSameAs(drawn);
		assertThat(this.maps.force().orElseThrow()).isSameAs(force);
	}

	@ParameterizedTest
	@CsvSource({ "coverage, false", "neighbourhood, false", "unknown, true" })
	void aMapIsDrawnAgainAfterAChangeThatCanMoveOrRenameIt(String kind, boolean onAnotherInstance) {
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		NeighbourhoodMaps.AreaMap drawn = this.maps.of(wigston).orElseThrow();
		NeighbourhoodMaps.ForceMap force = this.maps.force().orElseThrow();

		this.events.publishEvent(new PublicContentChanged(kind, 1, wigston, onAnotherInstance));

		assertThat(this.maps.of(wigston).orElseThrow()).isNotSameAs(drawn).isEqualTo(drawn);
		assertThat(this.maps.force().orElseThrow()).isNotSameAs(force).isEqualTo(force);
	}

	@Test
	void seedingCoverageIsAnnouncedWhenItEndsSoThatMapsReadMeanwhileAreDrawnAgain() {
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		NeighbourhoodMaps.AreaMap drawn = this.maps.of(wigston).orElseThrow();

		this.seeding.seeded();

		assertThat(this.maps.of(wigston).orElseThrow()).isNotSameAs(drawn).isEqualTo(drawn);
	}

	@Test
	void aMapMarkingOtherPlacesOrInWelshIsDrawnForThem() {
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		NeighbourhoodMaps.AreaMap plain = this.maps.of(wigston).orElseThrow();
		String inside = this.jdbc.queryForObject(
				"select postcode from postcode where neighbourhood_id = ? order by postcode limit 1", String.class,
				wigston);

		NeighbourhoodMaps.AreaMap marked = this.maps
			.of(wigston, List.of(new NeighbourhoodMaps.Place("Wigston Police Station", inside)))
			.orElseThrow();
		LocaleContextHolder.setLocale(Languages.WELSH);
		try {
			assertThat(this.maps.of(wigston).orElseThrow()).isNotSameAs(plain);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}

		assertThat(plain.places()).isEmpty();
		assertThat(marked.places()).extracting(NeighbourhoodMaps.Marker::name)
			.containsExactly("Wigston Police Station");
	}

	/**
	 * The points of an SVG path of moves and relative lines, as {@link Projection}
	 * writes.
	 */
	static List<long[]> points(String path) {
		List<long[]> points = new ArrayList<>();
		Matcher ring = Pattern.compile("M(-?\\d+) (-?\\d+)l([-\\d ]*)z").matcher(path);
		while (ring.find()) {
			long x = Long.parseLong(ring.group(1));
			long y = Long.parseLong(ring.group(2));
			points.add(new long[] { x, y });
			Matcher step = Pattern.compile("(-?\\d+) ?(-?\\d+)").matcher(ring.group(3));
			while (step.find()) {
				x += Long.parseLong(step.group(1));
				y += Long.parseLong(step.group(2));
				points.add(new long[] { x, y });
			}
		}
		return points;
	}

	private static int gzipped(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.size();
	}

}
