package com.daiban.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses ad-hoc task queries that carry expressions ({@code assigneeExpression}, {@code dueBeforeExpression}, …),
 * also nested in {@code orQueries}: an expression in a query is code run by the engine on the caller's behalf. Stored
 * Tasklist filters keep theirs; they are created by the administrator at start-up, not per request.
 */
class QueryExpressionGuard implements Filter {

	static final int MAX_QUERY_BODY = 64 * 1024;

	private static final Pattern TASK_QUERY_PATH = Pattern.compile(".*/(history/)?task(/count)?/?$");

	private static final Pattern EXPRESSION_KEY = Pattern.compile("\"[A-Za-z]+Expression\"\\s*:\\s*\"");

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		var http = (HttpServletRequest) request;
		if (!TASK_QUERY_PATH.matcher(http.getRequestURI()).matches()) {
			chain.doFilter(request, response);
			return;
		}
		boolean parameterExpression = http.getParameterMap().keySet().stream().anyMatch(name -> name.endsWith("Expression"));
		if (parameterExpression) {
			refuse((HttpServletResponse) response);
			return;
		}
		if (!"POST".equalsIgnoreCase(http.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = http.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
		if (body.length > MAX_QUERY_BODY) {
			((HttpServletResponse) response).sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		if (EXPRESSION_KEY.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
			refuse((HttpServletResponse) response);
			return;
		}
		chain.doFilter(new CachedBodyRequest(http, body), response);
	}

	private static void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType("application/json;charset=UTF-8");
		response.getWriter()
			.write("{\"type\":\"InvalidRequestException\",\"message\":\"任务查询中不允许使用表达式（Expression）\"}");
	}

	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
