package com.daiban.web;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the webapps' script nonce per request. Camunda's header filter stores the nonce of each response's
 * Content-Security-Policy in a servlet-context attribute, shared by every request, and the page template reads it back
 * from there: when another request writes it in between, the page carries a nonce its header does not allow, and
 * Tasklist or Cockpit stays blank. Here each request sees a context of its own for that one attribute.
 */
class WebappNonce extends OncePerRequestFilter {

	static final String ATTRIBUTE = "org.camunda.bpm.csp.nonce";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ServletContext shared = request.getServletContext();
		Object[] nonce = new Object[1];
		ServletContext own = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
				new Class<?>[] { ServletContext.class }, (proxy, method, args) -> {
					if (args != null && args.length > 0 && ATTRIBUTE.equals(args[0])) {
						switch (method.getName()) {
							case "getAttribute":
								return nonce[0];
							case "setAttribute":
								nonce[0] = args[1];
								return null;
							case "removeAttribute":
								nonce[0] = null;
								return null;
							default:
								break;
						}
					}
					try {
						return method.invoke(shared, args);
					}
					catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public ServletContext getServletContext() {
				return own;
			}

		}, response);
	}

}
