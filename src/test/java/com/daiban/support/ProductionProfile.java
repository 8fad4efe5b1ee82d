package com.daiban.support;

/**
 * The production ({@code postgres}) profile as an operator runs it: credentials from the environment (here system
 * properties, read before any initializer runs), the demo organisation off, always on the real embedded PostgreSQL.
 * Call {@link #configure()} from the test class's static initializer; surefire gives each test class its own JVM.
 */
public final class ProductionProfile {

	public static final String ADMIN = "root";

	public static final String ADMIN_PASSWORD = "root-Passw0rd";

	private ProductionProfile() {
	}

	public static void configure() {
		var postgres = TestDatabase.postgres();
		System.setProperty("DAIBAN_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
		System.setProperty("DAIBAN_DB_USER", "postgres");
		System.setProperty("DAIBAN_DB_PASSWORD", "postgres");
		System.setProperty("DAIBAN_ADMIN_USER", ADMIN);
		System.setProperty("DAIBAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
		System.setProperty("DAIBAN_SMTP_HOST", "127.0.0.1");
		System.setProperty("DAIBAN_SMTP_PORT", String.valueOf(TestDatabase.mail().getSmtp().getPort()));
		System.setProperty("spring.datasource.hikari.connection-timeout", "5000");
	}

}
