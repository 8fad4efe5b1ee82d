package com.daiban.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.daiban.identity.Caller;
import com.daiban.identity.WebappSessions;
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
 * <p>
 * Where {@code readsWithWebappLogin} is set, a GET without credentials is also accepted from a browser logged in to
 * Tasklist (the promise slip, the village's matters, the search): reads only, so Camunda's CSRF token, which guards the
 * webapps' writes, is not needed.
 */
class ContextEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

	private final ProcessEngine engine;

	private final String openPrefix;

	private final boolean readsWithWebappLogin;

	ContextEngineAuthenticationFilter(ProcessEngine engine) {
		this(engine, null, false);
	}

	ContextEngineAuthenticationFilter(ProcessEngine engine, String openPrefix, boolean readsWithWebappLogin) {
		this.engine = engine;
		this.openPrefix = openPrefix;
		this.readsWithWebappLogin = readsWithWebappLogin;
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
		Optional<Caller> webappCaller = webappCaller(request);
		if (webappCaller.isEmpty()) {
			super.doFilter(request, response, chain);
			return;
		}
		Caller caller = webappCaller.get();
		setAuthenticatedUser(engine, caller.userId(), caller.groupIds(), List.of());
		try {
			chain.doFilter(request, response);
		}
		finally {
			clearAuthentication(engine);
		}
	}

	private Optional<Caller> webappCaller(ServletRequest request) {
		if (!readsWithWebappLogin || !(request instanceof HttpServletRequest http) || !"GET".equals(http.getMethod())
				|| http.getHeader("Authorization") != null) {
			return Optional.empty();
		}
		return WebappSessions.callerOf(http, engine.getName());
	}

	@Override
	protected ProcessEngine getAddressedEngine(String engineName) {
		return engineName == null || engineName.equals(engine.getName()) ? engine : null;
	}

}
