package com.daiban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every model in processes/ and forms/ reaches the engine: the starter's default pattern silently skips .form files. */
@DaibanSpringBootTest
class DeploymentTests {

	@Autowired
	RepositoryService repositoryService;

	@Test
	void shouldDeployEveryBpmnDmnAndFormFileOfTheRepository() throws IOException {
		Set<String> files = Stream.concat(list("processes"), list("forms")).collect(Collectors.toSet());
		assertThat(files).anyMatch(name -> name.endsWith(".form")).anyMatch(name -> name.endsWith(".dmn"));

		Set<String> deployed = repositoryService.createDeploymentQuery()
			.list()
			.stream()
			.flatMap(deployment -> repositoryService.getDeploymentResources(deployment.getId()).stream())
			.map(Resource::getName)
			.map(name -> Path.of(name).getFileName().toString())
			.collect(Collectors.toSet());

		assertThat(deployed).containsAll(files);
	}

	@Test
	void shouldDeployFormsUnderTheIdsTheProcessesReference() throws IOException {
		List<String> formIds = list("forms").map(name -> "form-" + name.replace(".form", "")).toList();
		for (String id : formIds) {
			assertThat(Files.readString(Path.of("forms", id.substring("form-".length()) + ".form")))
				.contains("\"id\": \"" + id + "\"");
		}
		String proxyMatter = Files.readString(Path.of("processes/proxy-matter.bpmn"));
		for (String ref : List.of("form-accept-matter", "form-handle-matter", "form-sign-off", "form-supply-materials",
				"form-supervise-matter")) {
			assertThat(proxyMatter).contains("camunda:formRef=\"" + ref + "\"");
			assertThat(formIds).contains(ref);
		}
	}

	private static Stream<String> list(String folder) throws IOException {
		try (Stream<Path> paths = Files.list(Path.of(folder))) {
			return paths.map(path -> path.getFileName().toString())
				.filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
				.toList()
				.stream();
		}
	}

}
