package uk.yourarea;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module diagrams in {@code docs/modules} are drawn from the code by Spring
 * Modulith's {@link Documenter}, and this test fails when the code has moved on from
 * them. To draw them again, run it with {@code -Dyourarea.docs.write=true} and commit the
 * changed files.
 */
class ModuleDiagramTests {

	private static final Path CHECKED_IN = Path.of("docs/modules");

	private static final Path DRAWN = Path.of("target/module-diagrams");

	private static final String WRITE = "yourarea.docs.write";

	@Test
	void theCheckedInDiagramsAreTheCodesOwn() throws IOException {
		ApplicationModules modules = ApplicationModules.of(YourAreaApplication.class);
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DRAWN.toString()))
			.writeModulesAsPlantUml();
		Files.writeString(DRAWN.resolve("modules.md"), mermaid(modules), StandardCharsets.UTF_8);

		for (String name : List.of("components.puml", "modules.md")) {
			String drawn = Files.readString(DRAWN.resolve(name), StandardCharsets.UTF_8);
			if (Boolean.getBoolean(WRITE)) {
				Files.createDirectories(CHECKED_IN);
				Files.writeString(CHECKED_IN.resolve(name), drawn, StandardCharsets.UTF_8);
			}
			Path checkedIn = CHECKED_IN.resolve(name);
			assertThat(checkedIn).as(name + " in docs/modules; draw it with -D" + WRITE + "=true").exists();
			// The Documenter's order of elements follows the order classes were found in.
			assertThat(Files.readString(checkedIn, StandardCharsets.UTF_8).lines().sorted().toList())
				.as("docs/modules/" + name + " is out of date: draw it again with -D" + WRITE + "=true")
				.isEqualTo(drawn.lines().sorted().toList());
		}
	}

	/** The modules and who depends on whom, as a Mermaid chart GitHub draws. */
	private static String mermaid(ApplicationModules modules) {
		List<ApplicationModule> sorted = modules.stream()
			.sorted(Comparator.comparing((module) -> module.getIdentifier().toString()))
			.toList();
		StringBuilder chart = new StringBuilder();
		chart.append("# Modules\n\n")
			.append("Drawn from the code by `ModuleDiagramTests` (do not edit by hand): each arrow is a module ")
			.append("using another's API. `components.puml` is the same as a PlantUML component diagram ")
			.append("from Spring Modulith's Documenter.\n\n")
			.append("```mermaid\nflowchart TD\n");
		for (ApplicationModule module : sorted) {
			String uses = module.getDirectDependencies(modules)
				.uniqueModules()
				.map((other) -> other.getIdentifier().toString())
				.sorted()
				.collect(Collectors.joining(" & "));
			String name = module.getIdentifier().toString();
			chart.append("    ").append(name);
			if (!uses.isEmpty()) {
				chart.append(" --> ").append(uses);
			}
			chart.append('\n');
		}
		return chart.append("```\n").toString();
	}

}
