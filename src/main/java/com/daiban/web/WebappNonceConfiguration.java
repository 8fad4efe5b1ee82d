package com.daiban.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebappNonceConfiguration {

	@Bean
	FilterRegistrationBean<WebappNonce> webappNonce() {
		var registration = new FilterRegistrationBean<>(new WebappNonce());
		registration.setName("webapp-nonce");
		registration.addUrlPatterns("/camunda/*");
		// before Camunda's header filter writes the nonce
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
