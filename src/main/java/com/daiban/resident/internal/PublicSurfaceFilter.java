package com.daiban.resident.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of {@code /api/public/*}. No login and no session, so nothing a browser sends on its own carries
 * authority; a write must still come from our page: JSON only, the header {@value #HEADER} (which no cross-site form
 * can set without a CORS preflight, and none is ever granted), and an {@code Origin}, when the browser sends one, of
 * this very site. Bodies are small ({@value #MAX_BODY} bytes) and each client gets
 * {@code daiban.resident.requests-per-minute} requests a minute.
 */
class PublicSurfaceFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Daiban-Resident";

	static final int MAX_BODY = 16 * 1024;

	private final ResidentProperties properties;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	PublicSurfaceFilter(ResidentProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		if (!withinRate(request.getRemoteAddr())) {
			refuse(response, HttpStatus.TOO_MANY_REQUESTS, "操作过于频繁，请稍等一分钟再试");
			return;
		}
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			if (request.getContentLengthLong() > MAX_BODY) {
				refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "提交内容过大（上限 16 KB）");
				return;
			}
			String type = request.getContentType();
			if (type == null || !type.toLowerCase().startsWith("application/json")) {
				refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 提交");
				return;
			}
			if (request.getHeader(HEADER) == null || !sameOrigin(request)) {
				refuse(response, HttpStatus.FORBIDDEN, "请从村民直通车页面提交");
				return;
			}
			request = new BoundedBody(request);
		}
		chain.doFilter(request, response);
	}

	private boolean sameOrigin(HttpServletRequest request) {
		if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
			return false;
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return true; // not a browser, or a same-origin request of an older one: the header above still had to be set
		}
		try {
			URI uri = URI.create(origin);
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
			return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
		}
		catch (IllegalArgumentException unreadable) {
			return false;
		}
	}

	private boolean withinRate(String client) {
		long minute = clock.millis() / 60_000;
		if (windows.size() > 50_000) {
			windows.values().removeIf(window -> window.minute() < minute);
		}
		Window window = windows.compute(client,
				(key, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
		return window.count().incrementAndGet() <= properties.requestsPerMinute();
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/json;charset=UTF-8");
		response.getWriter().write(json.writeValueAsString(PublicErrors.body(status.value(), status.getReasonPhrase(), message, null)));
	}

	private record Window(long minute, AtomicInteger count) {
	}

	/** A body sent without a length (chunked) ends where the limit is: the JSON reader then sees broken JSON, a 400. */
	private static final class BoundedBody extends HttpServletRequestWrapper {

		BoundedBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private int read;

				@Override
				public int read() throws IOException {
					if (read >= MAX_BODY) {
						throw new IOException("request body over " + MAX_BODY + " bytes");
					}
					int b = in.read();
					if (b >= 0) {
						read++;
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					if (read >= MAX_BODY) {
						throw new IOException("request body over " + MAX_BODY + " bytes");
					}
					int n = in.read(buffer, offset, Math.min(length, MAX_BODY - read));
					if (n > 0) {
						read += n;
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}

	}

}
