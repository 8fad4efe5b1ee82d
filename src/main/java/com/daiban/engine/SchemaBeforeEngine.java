package com.daiban.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our Flyway migrations run before the engine is built, whoever asks for the engine first: on a fresh database Flyway
 * must find an empty schema, not the engine's ACT_* tables.
 */
@Configuration(proxyBeanMethods = false)
class SchemaBeforeEngine {

	@Bean
	static EngineDependsOnFlyway engineDependsOnFlyway() {
		return new EngineDependsOnFlyway();
	}

	static class EngineDependsOnFlyway extends AbstractDependsOnBeanFactoryPostProcessor {

		EngineDependsOnFlyway() {
			super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
		}

	}

}
