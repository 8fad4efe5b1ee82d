package com.daiban.identity.internal;

import java.util.Map;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Security of the HTTP surface: the engine REST API and our domain API authenticate with HTTP basic against the
 * engine's identity service (the filter also sets the engine authentication, so engine authorizations apply), and the
 * Admin webapp's setup endpoint is closed. {@code /api/public/*} is the residents' surface: no login, no engine
 * authentication, guarded by its own filter in the resident module.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	/** The residents' API: no staff login, no engine authentication. */
	private static final String PUBLIC_API = "/api/public/";

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(ProcessEngine engine) {
		var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(
				new ContextEngineAuthenticationFilter(engine));
		registration.setName("engine-rest-authentication");
		registration.addUrlPatterns("/engine-rest/*");
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName(), "rest-url-pattern-prefix", "/engine-rest"));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<Filter> domainApiAuthentication(ProcessEngine engine) {
		// pages inside Cockpit and Tasklist (the supervision workspace, the promise slip, a task's clock operations) call
		// the domain API with the webapp login; a write also needs the webapp's CSRF token
		var registration = new FilterRegistrationBean<Filter>(new WebappSessionAuthentication(engine,
				new ContextEngineAuthenticationFilter(engine, PUBLIC_API), PUBLIC_API));
		registration.setName("domain-api-authentication");
		registration.addUrlPatterns("/api/*");
		registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName(), "rest-url-pattern-prefix", ""));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimit> requestSizeLimit() {
		var registration = new FilterRegistrationBean<>(new RequestSizeLimit());
		registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
		var registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<AdminSetupGuard> adminSetupGuard() {
		var registration = new FilterRegistrationBean<>(new AdminSetupGuard());
		registration.addUrlPatterns("/camunda/api/admin/setup/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
