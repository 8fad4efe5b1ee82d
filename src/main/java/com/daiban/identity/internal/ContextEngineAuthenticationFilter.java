package com.daiban.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's HTTP basic filter, bound to this application's engine instead of a lookup in the static engine registry:
 * the authentication it establishes is the one our controllers and the engine REST resources then see. Paths under
 * {@code openPrefix} (the residents' public API) pass without credentials and without any engine authentication.
 */
class ContextEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

	private final ProcessEngine engine;

	private final String openPrefix;

	ContextEngineAuthenticationFilter(ProcessEngine engine) {
		this(engine, null);
	}

	ContextEngineAuthenticationFilter(ProcessEngine engine, String openPrefix) {
		this.engine = engine;
		this.openPrefix = openPrefix;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		// the normalised path the servlet is mapped by, not the raw URI ("/api/public/../matters" is not public)
		if (openPrefix != null && request instanceof HttpServletRequest http
				&& (http.getServletPath() + (http.getPathInfo() == null ? "" : http.getPathInfo())).startsWith(openPrefix)) {
			engine.getIdentityService().clearAuthentication();
			chain.doFilter(request, response);
			return;
		}
		super.doFilter(request, response, chain);
	}

	@Override
	protected ProcessEngine getAddressedEngine(String engineName) {
		return engineName == null || engineName.equals(engine.getName()) ? engine : null;
	}

}
