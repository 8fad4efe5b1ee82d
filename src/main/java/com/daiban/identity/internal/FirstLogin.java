package com.daiban.identity.internal;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Users created with an initial password must set their own before they work: until then the webapps' login refuses
 * them, and the APIs answer only the password change ({@value #CHANGE_PATH}). The mark is a user info entry, so it
 * travels with the user in the engine's identity tables.
 */
@Configuration(proxyBeanMethods = false)
class FirstLogin {

	static final String CHANGE_PATH = "/api/account/password";

	static final String MARK = "password-change-required";

	static final String MESSAGE = "首次登录须先修改初始密码：POST " + CHANGE_PATH;

	private final IdentityService identityService;

	FirstLogin(IdentityService identityService) {
		this.identityService = identityService;
	}

	void require(String userId) {
		identityService.setUserInfo(userId, MARK, "true");
	}

	boolean required(String userId) {
		return "true".equals(identityService.getUserInfo(userId, MARK));
	}

	/** Sets the user's own password and lifts the mark; the caller has proved the old one. */
	void change(String userId, String newPassword) {
		User user = identityService.createUserQuery().userId(userId).singleResult();
		user.setPassword(newPassword);
		identityService.saveUser(user);
		identityService.deleteUserInfo(userId, MARK);
	}

	@Bean
	FilterRegistrationBean<Filter> firstLoginOnWebappLogin() {
		var registration = new FilterRegistrationBean<Filter>(new WebappLoginGuard(this));
		registration.setName("first-login-webapp");
		registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/** After the basic-auth filters (order +10) have set the engine authentication of the request. */
	@Bean
	FilterRegistrationBean<Filter> firstLoginOnApis() {
		var registration = new FilterRegistrationBean<Filter>(new ApiGuard(this));
		registration.setName("first-login-api");
		registration.addUrlPatterns("/api/*", "/engine-rest/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
		return registration;
	}

	private static void refuse(ServletResponse response) throws IOException {
		var http = (HttpServletResponse) response;
		http.setStatus(HttpServletResponse.SC_FORBIDDEN);
		http.setContentType("application/json;charset=UTF-8");
		http.getWriter().write("{\"status\":403,\"message\":\"" + MESSAGE + "\"}");
	}

	private record WebappLoginGuard(FirstLogin firstLogin) implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			var http = (HttpServletRequest) request;
			String username = "POST".equals(http.getMethod()) && http.getRequestURI().contains("/login/")
					? http.getParameter("username") : null;
			String password = username == null ? null : http.getParameter("password");
			if (username != null && password != null && firstLogin.required(username)) {
				// decided here, so a wrong password counts once against the login throttling, not twice
				if (firstLogin.identityService.checkPassword(username, password)) {
					refuse(response);
				}
				else {
					((HttpServletResponse) response).setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				}
				return;
			}
			chain.doFilter(request, response);
		}

	}

	private record ApiGuard(FirstLogin firstLogin) implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			var http = (HttpServletRequest) request;
			Authentication authentication = firstLogin.identityService.getCurrentAuthentication();
			String path = http.getRequestURI().substring(http.getContextPath().length());
			if (authentication != null && authentication.getUserId() != null && !path.equals(CHANGE_PATH)
					&& firstLogin.required(authentication.getUserId())) {
				refuse(response);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
