package com.daiban.identity.internal;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies larger than any legitimate form or API call (1 MiB) before anything reads them, so a huge
 * body costs the server nothing. Bodies without a declared length are bounded by the JSON reader's own limits.
 */
class RequestSizeLimit implements Filter {

	static final long MAX_BODY = 1024 * 1024;

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request.getContentLengthLong() > MAX_BODY) {
			var http = (HttpServletResponse) response;
			http.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			http.setContentType("application/json;charset=UTF-8");
			http.getWriter().write("{\"status\":413,\"error\":\"Payload Too Large\",\"message\":\"请求内容过大（上限 1 MB）\"}");
			return;
		}
		chain.doFilter(request, response);
	}

}
