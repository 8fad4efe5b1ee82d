package com.daiban.resident.internal;

import java.time.Clock;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The residents' page ({@code /resident/}, static files of this jar) and API ({@code /api/public/*}): their filters
 * and the page's address. The page loads nothing from elsewhere, and its policy says so.
 */
@Configuration(proxyBeanMethods = false)
class PublicSurfaceConfiguration implements WebMvcConfigurer {

	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	@Bean
	FilterRegistrationBean<PublicSurfaceFilter> publicSurfaceFilter(ResidentProperties properties, Clock clock) {
		var registration = new FilterRegistrationBean<>(new PublicSurfaceFilter(properties, clock));
		registration.setName("public-surface");
		registration.addUrlPatterns("/api/public/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> residentPageHeaders() {
		Filter headers = (request, response, chain) -> {
			HttpServletResponse http = (HttpServletResponse) response;
			http.setHeader("Content-Security-Policy", PAGE_POLICY);
			http.setHeader("X-Content-Type-Options", "nosniff");
			http.setHeader("X-Frame-Options", "DENY");
			// the page's address may carry a matter number: it goes nowhere else
			http.setHeader("Referrer-Policy", "no-referrer");
			chain.doFilter(request, response);
		};
		var registration = new FilterRegistrationBean<>(headers);
		registration.setName("resident-page-headers");
		registration.addUrlPatterns("/resident/*", "/resident");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/resident", "/resident/");
		registry.addViewController("/resident/").setViewName("forward:/resident/index.html");
	}

}
