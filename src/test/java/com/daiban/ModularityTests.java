package com.daiban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the packages by capability honest: no cycles, and no module reaching into another module's {@code internal}
 * package (only a module's root package is its API). Also writes the module diagrams into {@code docs/modules}.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(DaibanApplication.class);

	private static final Path DOCS = Path.of("docs", "modules");

	@Test
	void shouldKeepModulesFreeOfCyclesAndInternalAccess() {
		MODULES.verify();
	}

	@Test
	void shouldDocumentEveryModuleInTheComponentDiagram() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();

		assertThat(Files.readString(DOCS.resolve("components.puml"))).contains("\"Matter\"", "\"Deadline\"", "depends on");
		for (ApplicationModule module : MODULES) {
			assertThat(Files.readString(DOCS.resolve("module-" + module.getIdentifier() + ".puml")))
				.contains("\"" + module.getDisplayName() + "\"");
		}
	}

}
