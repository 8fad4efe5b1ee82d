package com.daiban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

class JdkDatatypeFactoryTests {

	private String before;

	@BeforeEach
	void remember() {
		before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
		System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
	}

	@AfterEach
	void restore() {
		if (before == null) {
			System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
		}
		else {
			System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
		}
	}

	@Test
	void namesTheJdkFactoryBeforeTheApplicationStarts() throws Exception {
		// registered for every start (main, tests, the benchmark); Boot's own processors need arguments, so skipped here
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(EnvironmentPostProcessor.class, null, FailureHandler.handleMessage((message, failure) -> {
			}))).anyMatch(JdkDatatypeFactory.class::isInstance);

		new JdkDatatypeFactory().postProcessEnvironment(new MockEnvironment(), null);

		assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
			.isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
		assertThat(DatatypeFactory.newInstance().getClass().getName())
			.isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
	}

	@Test
	void keepsAnOperatorsChoice() {
		System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.OtherFactory");

		new JdkDatatypeFactory().postProcessEnvironment(new MockEnvironment(), null);

		assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OtherFactory");
	}

}
