package com.daiban.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RequiredEnvironmentTests {

	private final RequiredEnvironment check = new RequiredEnvironment();

	@Test
	void shouldNameEveryMissingVariableOfThePostgresProfile() {
		MockEnvironment environment = new MockEnvironment().withProperty("DAIBAN_DB_URL", "jdbc:postgresql://db/daiban")
			.withProperty("DAIBAN_DB_USER", "daiban");
		environment.setActiveProfiles("postgres");

		assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("DAIBAN_DB_PASSWORD")
			.hasMessageContaining("DAIBAN_ADMIN_USER")
			.hasMessageContaining("DAIBAN_ADMIN_PASSWORD")
			.message()
			.doesNotContain("DAIBAN_DB_URL");
	}

	@Test
	void shouldAcceptACompleteEnvironmentAndIgnoreOtherProfiles() {
		MockEnvironment complete = new MockEnvironment();
		RequiredEnvironment.POSTGRES_VARIABLES.forEach(name -> complete.setProperty(name, "x"));
		complete.setActiveProfiles("postgres");
		assertThatCode(() -> check.postProcessEnvironment(complete, new SpringApplication())).doesNotThrowAnyException();

		MockEnvironment demo = new MockEnvironment();
		assertThatCode(() -> check.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
	}

}
