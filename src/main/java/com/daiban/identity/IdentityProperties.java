package com.daiban.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demo the demo organisation (default profile only)
 * @param admin the administrator kept as a direct member of camunda-admin; in production both come from the
 * environment
 */
@ConfigurationProperties("daiban")
public record IdentityProperties(Demo demo, Admin admin) {

	public IdentityProperties {
		demo = demo == null ? new Demo(false) : demo;
		admin = admin == null ? new Admin(null, null) : admin;
	}

	public record Demo(boolean enabled) {
	}

	public record Admin(String userId, String password) {
	}

}
