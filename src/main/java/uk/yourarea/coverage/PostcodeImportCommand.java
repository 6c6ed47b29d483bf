package uk.yourarea.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.web.Phrase;
import uk.yourarea.web.PublicContentChanged;

/**
 * Imports postcode and boundary files from the command line and then stops: <pre>
 * java -jar your-area.jar --import-postcodes=ONSPD.csv [--import-postcodes=more.csv.gz]
 *                         [--import-boundaries=neighbourhoods.geojson]
 * </pre> Boundary files (GeoJSON, data.police.uk JSON or KML) name each neighbourhood by
 * its code or name, as in the staff upload; they replace those neighbourhoods' boundaries
 * in one transaction. After the imports every postcode is assigned to its neighbourhood
 * again. Rejected lines and unknown neighbourhoods are printed, with how long each step
 * took; the exit code is 0 when every file was read, 1 otherwise.
 */
@Component
@Order(0)
class PostcodeImportCommand implements ApplicationRunner {

	static final String OPTION = "import-postcodes";

	static final String BOUNDARIES = "import-boundaries";

	private static final int LINES_SHOWN = 50;

	private final PostcodeImporter importer;

	private final CoverageAssigner coverage;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ConfigurableApplicationContext context;

	private final FileLimits limits;

	private final CoverageProperties properties;

	private final CoverageNeighbourhoods neighbourhoods;

	PostcodeImportCommand(PostcodeImporter importer, CoverageAssigner coverage, JdbcTemplate jdbc,
			TransactionTemplate transaction, ConfigurableApplicationContext context, FileLimits limits,
			CoverageProperties properties, CoverageNeighbourhoods neighbourhoods) {
		this.neighbourhoods = neighbourhoods;
		this.limits = limits;
		this.properties = properties;
		this.importer = importer;
		this.coverage = coverage;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> postcodes = args.getOptionValues(OPTION);
		List<String> boundaries = args.getOptionValues(BOUNDARIES);
		if ((postcodes == null || postcodes.isEmpty()) && (boundaries == null || boundaries.isEmpty())) {
			return;
		}
		boolean allRead;
		// Each file commits on its own: what got in is announced even if a step fails.
		try {
			allRead = importPostcodes((postcodes == null) ? List.of() : postcodes)
					& importBoundaries((boundaries == null) ? List.of() : boundaries);
			long started = System.nanoTime();
			System.out.println(
					"Neighbourhood coverage: " + this.coverage.assignAll() + " (assigned in " + seconds(started) + ")");
		}
		finally {
			announce();
		}
		int exitCode = allRead ? 0 : 1;
		System.exit(SpringApplication.exit(this.context, () -> exitCode));
	}

	boolean importAll(List<String> files) {
		try {
			boolean allRead = importPostcodes(files);
			System.out.println("Neighbourhood coverage: " + this.coverage.assignAll());
			return allRead;
		}
		finally {
			announce();
		}
	}

	/**
	 * Tells the running instances that coverage has changed (through
	 * {@code ChangesAcrossInstances}), so that they read their maps and pages again.
	 */
	private void announce() {
		this.context.publishEvent(
				new PublicContentChanged(CoverageChangeRecords.SUBJECT_TYPE, CoverageChangeRecords.WHOLE_FORCE, null));
	}

	private boolean importPostcodes(List<String> files) {
		boolean allRead = true;
		for (String name : files) {
			Path file = Path.of(name);
			if (!Files.isReadable(file)) {
				System.err.println("Cannot read " + file);
				allRead = false;
				continue;
			}
			try {
				long started = System.nanoTime();
				PostcodeImporter.Report report = this.importer.importFile(file);
				System.out.println(file.getFileName() + " - " + report.summary() + " (in " + seconds(started) + ")");
				report.rejections()
					.stream()
					.limit(LINES_SHOWN)
					.forEach((rejection) -> System.out.println("  line " + rejection.lineNumber() + ": "
							+ rejection.reason().in(this.context, Locale.UK)));
				if (report.rejectedLines() > LINES_SHOWN) {
					System.out.println("  … and " + (report.rejectedLines() - LINES_SHOWN) + " more rejected lines");
				}
			}
			catch (RuntimeException ex) {
				System.err.println(file.getFileName() + " was not imported: " + words(ex));
				allRead = false;
			}
		}
		return allRead;
	}

	private boolean importBoundaries(List<String> files) {
		boolean allRead = true;
		for (String name : files) {
			Path file = Path.of(name);
			try {
				long started = System.nanoTime();
				FileLimits boundaryLimits = this.limits.forBoundaries(this.properties.maxBoundaryFileSize());
				if (Files.size(file) > this.properties.maxBoundaryFileSize().toBytes()) {
					throw boundaryLimits.exceeded("coverage.limit.boundary-file-size",
							FileLimits.size(this.properties.maxBoundaryFileSize()));
				}
				List<BoundaryFiles.Feature> features = BoundaryFiles.read(file.getFileName().toString(),
						Files.readAllBytes(file), boundaryLimits);
				Map<String, Long> neighbourhoods = neighbourhoodsByCodeAndName();
				int[] stored = { 0 };
				Phrase source = BoundarySources.imported(file.getFileName().toString());
				this.transaction.executeWithoutResult((status) -> {
					for (BoundaryFiles.Feature feature : features) {
						Long id = match(feature, neighbourhoods);
						if (id == null) {
							System.out.println("  " + this.context.getMessage(feature.label(), Locale.UK)
									+ " names no known neighbourhood: left out");
							continue;
						}
						this.jdbc.update("""
								insert into neighbourhood_boundary (neighbourhood_id, geojson, source, source_args)
								values (?, ?, ?, ?)
								on conflict (neighbourhood_id) do update set geojson = excluded.geojson,
								    source = excluded.source, source_args = excluded.source_args, derived = false""",
								id, Boundaries.toGeoJson(feature.geometry()), source.text(), source.argsColumn());
						stored[0]++;
					}
					this.jdbc.update("update coverage_state set version = version + 1");
				});
				System.out.println(file.getFileName() + " - " + stored[0] + " of " + features.size()
						+ " boundaries stored (in " + seconds(started) + ")");
			}
			catch (IOException | RuntimeException ex) {
				System.err.println(file.getFileName() + " was not imported: " + words(ex));
				allRead = false;
			}
		}
		return allRead;
	}

	private Map<String, Long> neighbourhoodsByCodeAndName() {
		Map<String, Long> byKey = new HashMap<>();
		for (CoverageNeighbourhoods.Choice neighbourhood : this.neighbourhoods.all()) {
			byKey.putIfAbsent(key(neighbourhood.name()), neighbourhood.id());
		}
		for (CoverageNeighbourhoods.Choice neighbourhood : this.neighbourhoods.all()) {
			byKey.put(key(neighbourhood.code()), neighbourhood.id());
		}
		return byKey;
	}

	private static @Nullable Long match(BoundaryFiles.Feature feature, Map<String, Long> neighbourhoods) {
		for (String name : feature.names()) {
			Long id = neighbourhoods.get(key(name));
			if (id != null) {
				return id;
			}
		}
		return null;
	}

	private static String key(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

	private static String seconds(long startedNanos) {
		return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
	}

	/** Why a file was not imported, with a file's problems in the bundle's words. */
	private String words(Exception ex) {
		if (ex instanceof BoundaryFiles.Problems problems) {
			return String.join("; ",
					problems.problems()
						.stream()
						.map((problem) -> this.context.getMessage(problem, Locale.UK))
						.toList());
		}
		return (ex instanceof MessageSourceResolvable problem) ? this.context.getMessage(problem, Locale.UK)
				: String.valueOf(ex.getMessage());
	}

}
