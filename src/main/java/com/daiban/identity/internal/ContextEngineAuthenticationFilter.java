package com.daiban.identity.internal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's HTTP basic filter, bound to this application's engine instead of a lookup in the static engine registry:
 * the authentication it establishes is the one our controllers and the engine REST resources then see.
 */
class ContextEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

	private final ProcessEngine engine;

	ContextEngineAuthenticationFilter(ProcessEngine engine) {
		this.engine = engine;
	}

	@Override
	protected ProcessEngine getAddressedEngine(String engineName) {
		return engineName == null || engineName.equals(engine.getName()) ? engine : null;
	}

}
