package com.daiban.system;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The postgres profile takes every credential from the environment; a missing one stops start-up with a message naming
 * it, before anything tries to connect.
 */
class RequiredEnvironment implements EnvironmentPostProcessor {

	static final List<String> POSTGRES_VARIABLES = List.of("DAIBAN_DB_URL", "DAIBAN_DB_USER", "DAIBAN_DB_PASSWORD",
			"DAIBAN_ADMIN_USER", "DAIBAN_ADMIN_PASSWORD");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
			return;
		}
		List<String> missing = POSTGRES_VARIABLES.stream()
			.filter(name -> environment.getProperty(name) == null || environment.getProperty(name).isBlank())
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("postgres profile: missing environment variable(s) " + String.join(", ", missing)
					+ " (缺少环境变量，见 README「在 PostgreSQL 上运行」)");
		}
	}

}
