package com.daiban.identity.internal;

import com.daiban.identity.IdentityProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start-up: the demo organisation where enabled, otherwise the administrator from the environment. */
@Component
@Order(0)
class IdentitySetup implements ApplicationRunner {

	private final IdentityProperties properties;

	private final DemoOrganisation demo;

	private final AdminMembership adminMembership;

	IdentitySetup(IdentityProperties properties, DemoOrganisation demo, AdminMembership adminMembership) {
		this.properties = properties;
		this.demo = demo;
		this.adminMembership = adminMembership;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.demo().enabled()) {
			demo.load();
		}
		else if (properties.admin().userId() != null && !properties.admin().userId().isBlank()) {
			adminMembership.ensureAdministrator(properties.admin().userId(), properties.admin().password());
		}
	}

}
