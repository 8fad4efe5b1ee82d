package com.daiban.engine;

import javax.xml.datatype.DatatypeFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Names the JDK's own {@link DatatypeFactory} before the engine starts. The engine makes a new factory for every
 * duration it resolves (the sign-off reminder and the rectification limit are durations, so every matter and every
 * escalation makes one), and without this system property the JDK first searches every jar on the class path for
 * another implementation: 7–9 % of the CPU of a deadline escalation in bench P2's profile. An operator's own
 * {@code -Djavax.xml.datatype.DatatypeFactory=…} is kept.
 */
class JdkDatatypeFactory implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
			System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
					DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
		}
	}

}
