package com.daiban.worklist.internal;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.organisation.Organisation;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** What Tasklist loads through Camunda's webapp API and Daiban fills in (start forms). */
@Configuration(proxyBeanMethods = false)
class WorklistWebConfiguration {

	@Bean
	FilterRegistrationBean<StartFormFill> startFormFill(Organisation organisation, ServiceCatalogue catalogue,
			ObjectMapper json, ProcessEngine engine) {
		var registration = new FilterRegistrationBean<>(
				new StartFormFill(organisation, catalogue, json, engine.getName()));
		registration.setName("start-form-fill");
		registration.addUrlPatterns("/camunda/api/engine/engine/*");
		// inside Camunda's own authentication and CSRF filters, which run at the default order
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

}
