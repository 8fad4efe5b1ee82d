package com.daiban.identity.internal;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Closes the Admin webapp's first-administrator setup (CVE-2026-77226, unpatched in the community 7.24.0): the
 * administrator is created at start-up from configuration instead, so no request ever needs this endpoint.
 */
class AdminSetupGuard implements Filter {

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		var http = (HttpServletResponse) response;
		http.setStatus(HttpServletResponse.SC_FORBIDDEN);
		http.setContentType("application/json;charset=UTF-8");
		http.getWriter().write("{\"message\":\"初始管理员设置已关闭：管理员由系统配置创建\"}");
	}

}
