package uk.yourarea.postcode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports postcode files from the command line and then stops:
 * {@code java -jar your-area.jar --import-postcodes=ONSPD.csv [--import-postcodes=more.csv.gz]}.
 * After the import every postcode is assigned to its neighbourhood again. Rejected lines
 * are printed with their line numbers; the exit code is 0 when every file was read, 1
 * otherwise.
 */
@Component
@Order(0)
class PostcodeImportCommand implements ApplicationRunner {

	static final String OPTION = "import-postcodes";

	private static final int LINES_SHOWN = 50;

	private final PostcodeImporter importer;

	private final CoverageAssigner coverage;

	private final ConfigurableApplicationContext context;

	PostcodeImportCommand(PostcodeImporter importer, CoverageAssigner coverage,
			ConfigurableApplicationContext context) {
		this.importer = importer;
		this.coverage = coverage;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> files = args.getOptionValues(OPTION);
		if (files == null || files.isEmpty()) {
			return;
		}
		int exitCode = importAll(files) ? 0 : 1;
		System.exit(SpringApplication.exit(this.context, () -> exitCode));
	}

	boolean importAll(List<String> files) {
		boolean allRead = true;
		for (String name : files) {
			Path file = Path.of(name);
			if (!Files.isReadable(file)) {
				System.err.println("Cannot read " + file);
				allRead = false;
				continue;
			}
			try {
				PostcodeImporter.Report report = this.importer.importFile(file);
				System.out.println(file.getFileName() + " - " + report.summary());
				report.rejections()
					.stream()
					.limit(LINES_SHOWN)
					.forEach((rejection) -> System.out
						.println("  line " + rejection.lineNumber() + ": " + rejection.reason()));
				if (report.rejectedLines() > LINES_SHOWN) {
					System.out.println("  … and " + (report.rejectedLines() - LINES_SHOWN) + " more rejected lines");
				}
			}
			catch (RuntimeException ex) {
				System.err.println(file.getFileName() + " was not imported: " + ex.getMessage());
				allRead = false;
			}
		}
		System.out.println("Neighbourhood coverage: " + this.coverage.assignAll());
		return allRead;
	}

}
