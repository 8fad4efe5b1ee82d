package com.daiban.privacy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class PrivacyWebConfiguration {

	@Bean
	FilterRegistrationBean<PhoneMasking> phoneMasking(ObjectMapper json, ProcessEngine engine) {
		var registration = new FilterRegistrationBean<>(new PhoneMasking(json, engine.getName()));
		registration.setName("phone-masking");
		registration.addUrlPatterns("/camunda/api/engine/engine/*");
		// inside Camunda's own authentication and CSRF filters, which run at the default order
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

}
