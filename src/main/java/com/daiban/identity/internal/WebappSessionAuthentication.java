package com.daiban.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Lets pages inside Cockpit call the domain endpoints under {@code sessionPaths} as the user logged in to Cockpit,
 * without asking for the password again. A request carrying HTTP basic credentials, or with no webapp login, goes to
 * the basic filter as before. With the session, a request that changes something must echo Camunda's CSRF token in
 * {@code X-XSRF-TOKEN}, as Cockpit's own calls do.
 */
class WebappSessionAuthentication implements Filter {

	private final ProcessEngine engine;

	private final Filter basic;

	private final List<String> sessionPaths;

	WebappSessionAuthentication(ProcessEngine engine, Filter basic, List<String> sessionPaths) {
		this.engine = engine;
		this.basic = basic;
		this.sessionPaths = List.copyOf(sessionPaths);
	}

	@Override
	public void init(FilterConfig config) throws ServletException {
		basic.init(config);
	}

	@Override
	public void destroy() {
		basic.destroy();
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		UserAuthentication user = request.getHeader("Authorization") == null && coversPath(request)
				? webappUser(request.getSession(false)) : null;
		if (user == null) {
			basic.doFilter(req, res, chain);
			return;
		}
		if (!CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches()
				&& !tokenMatches(request)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("application/json;charset=UTF-8");
			response.getOutputStream()
				.write("{\"status\":403,\"error\":\"Forbidden\",\"message\":\"缺少或错误的 X-XSRF-TOKEN，请刷新页面后重试\",\"field\":\"X-XSRF-TOKEN\"}"
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		IdentityService identity = engine.getIdentityService();
		identity.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
		try {
			chain.doFilter(req, res);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private boolean coversPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return sessionPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "."));
	}

	private UserAuthentication webappUser(HttpSession session) {
		if (session == null) {
			return null;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		if (authentications == null) {
			return null;
		}
		return authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user
				&& user.getIdentityId() != null ? user : null;
	}

	private static boolean tokenMatches(HttpServletRequest request) {
		Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
		String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
		return expected != null && given != null && MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8));
	}

}
