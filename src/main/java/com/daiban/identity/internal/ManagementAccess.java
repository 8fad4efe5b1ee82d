package com.daiban.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import com.daiban.identity.Groups;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Actuator endpoints other than health (metrics name users, tasks and queues) answer only to an administrator or an
 * analyst logging in with HTTP basic; health stays open for load balancers. With {@code management.server.port} set
 * the endpoints move to that port, where this filter is not registered: that port must then be kept off the network.
 */
@Configuration(proxyBeanMethods = false)
class ManagementAccess {

	static final Set<String> GROUPS = Set.of(Groups.ADMIN, Groups.ANALYSTS);

	@Bean
	FilterRegistrationBean<Filter> managementAuthentication(IdentityService identityService) {
		var registration = new FilterRegistrationBean<Filter>(new Guard(identityService));
		registration.setName("management-authentication");
		registration.addUrlPatterns("/actuator/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class Guard implements Filter {

		private final IdentityService identityService;

		Guard(IdentityService identityService) {
			this.identityService = identityService;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			var http = (HttpServletRequest) request;
			String path = http.getRequestURI().substring(http.getContextPath().length());
			if (path.equals("/actuator/health") || path.startsWith("/actuator/health/") || permitted(http)) {
				chain.doFilter(request, response);
				return;
			}
			var answer = (HttpServletResponse) response;
			answer.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			answer.setHeader("WWW-Authenticate", "Basic realm=\"daiban-management\"");
			answer.setContentType("application/json;charset=UTF-8");
			answer.getWriter().write("{\"message\":\"需要管理员或流程分析员登录\"}");
		}

		private boolean permitted(HttpServletRequest request) {
			String header = request.getHeader("Authorization");
			if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
				return false;
			}
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
			int colon = decoded.indexOf(':');
			if (colon <= 0) {
				return false;
			}
			String userId = decoded.substring(0, colon);
			if (!identityService.checkPassword(userId, decoded.substring(colon + 1))) {
				return false;
			}
			return identityService.createGroupQuery().groupMember(userId).list().stream()
				.anyMatch(group -> GROUPS.contains(group.getId()));
		}

	}

}
