package com.daiban.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.daiban.identity.Caller;
import com.daiban.identity.WebappSessions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Lets pages inside Cockpit and Tasklist call the domain API as the person logged in to the webapp, without asking for
 * the password again: every path except the residents' public one ({@code publicPrefix}, which carries no staff
 * authentication at all). A request carrying HTTP basic credentials, or with no webapp login, goes to the basic filter
 * as before. With the session, a request that changes something must echo Camunda's CSRF token in
 * {@code X-XSRF-TOKEN}, as the webapps' own calls do.
 */
class WebappSessionAuthentication implements Filter {

	private final ProcessEngine engine;

	private final Filter basic;

	private final String publicPrefix;

	WebappSessionAuthentication(ProcessEngine engine, Filter basic, String publicPrefix) {
		this.engine = engine;
		this.basic = basic;
		this.publicPrefix = publicPrefix;
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
		Caller user = request.getHeader("Authorization") == null && !isPublic(request)
				? WebappSessions.callerOf(request, engine.getName()).orElse(null) : null;
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
		identity.setAuthentication(user.userId(), user.groupIds());
		try {
			chain.doFilter(req, res);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** The raw path: "/api/public/../matters" counts as public here and is then refused by the basic filter. */
	private boolean isPublic(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).startsWith(publicPrefix);
	}

	private static boolean tokenMatches(HttpServletRequest request) {
		Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
		String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
		return expected != null && given != null && MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8));
	}

}
