package com.daiban.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.daiban.DaibanApplication;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole application started in this JVM against one benchmark database, with either stock or our settings. */
final class BenchApp implements AutoCloseable {

	/**
	 * What the Camunda starter ships: 5 s acquisition wait backing off to 60 s, 3 threads, no due-date ordering, history
	 * level full with removal times stamped when an instance ends, revocations looked up in every command, every engine
	 * event published as a Spring event.
	 */
	static final Map<String, String> STOCK = Map.ofEntries(Map.entry("camunda.bpm.job-execution.wait-time-in-millis", "5000"),
			Map.entry("camunda.bpm.job-execution.max-wait", "60000"),
			Map.entry("camunda.bpm.job-execution.max-jobs-per-acquisition", "3"),
			Map.entry("camunda.bpm.job-execution.core-pool-size", "3"),
			Map.entry("camunda.bpm.job-execution.max-pool-size", "10"),
			Map.entry("camunda.bpm.job-execution.queue-capacity", "3"),
			Map.entry("camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date", "false"),
			Map.entry("camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs", "false"),
			Map.entry("camunda.bpm.history-level", "full"),
			Map.entry("camunda.bpm.generic-properties.properties.history-removal-time-strategy", "end"),
			Map.entry("camunda.bpm.authorization.authorization-check-revokes", "auto"),
			Map.entry("camunda.bpm.eventing.execution", "true"), Map.entry("camunda.bpm.eventing.history", "true"),
			Map.entry("camunda.bpm.eventing.task", "true"), Map.entry("daiban.performance.engine-indexes", "false"),
			Map.entry("daiban.performance.task-query-semi-join", "false"));

	/**
	 * An experiment kept runnable: {@code BENCH_CUSTOM_PLANS=true} makes every connection of "ours" plan each statement
	 * with its parameters ({@code plan_cache_mode = force_custom_plan}). Measured in docs/performance.md: it cost P1 a
	 * fifth of its throughput and did not make the group task query faster at 200,000 open tasks, so it is not shipped.
	 */
	static final Map<String, String> OURS_ON_POSTGRES = oursOnPostgres(System.getenv("BENCH_CUSTOM_PLANS"),
			System.getenv("BENCH_OURS_OPTIONS"));

	/**
	 * {@code BENCH_OURS_OPTIONS="key=value key=value"} tries further settings on "ours" only, without a code change (for
	 * example {@code camunda.bpm.history-level=audit}); the figures then belong to that experiment, not to the shipped
	 * configuration.
	 */
	static Map<String, String> oursOnPostgres(String customPlans, String experiment) {
		Map<String, String> options = new java.util.LinkedHashMap<>();
		if ("true".equals(customPlans)) {
			options.put("spring.datasource.hikari.connection-init-sql", "SET plan_cache_mode = force_custom_plan");
		}
		if (experiment != null) {
			for (String option : experiment.trim().split("\\s+")) {
				int equals = option.indexOf('=');
				if (equals > 0) {
					options.put(option.substring(0, equals), option.substring(equals + 1));
				}
			}
		}
		return Map.copyOf(options);
	}

	final ConfigurableApplicationContext context;

	final JdbcTemplate jdbc;

	final String database;

	private final BenchSettings settings;

	private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

	private BenchApp(ConfigurableApplicationContext context, BenchSettings settings, String database) {
		this.context = context;
		this.settings = settings;
		this.database = database;
		this.jdbc = context.getBean(JdbcTemplate.class);
	}

	static BenchApp start(BenchSettings settings, String database, Map<String, String> overrides) {
		createDatabase(settings, database);
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + settings.jdbcUrl(database),
				"--spring.datasource.username=" + settings.user(), "--spring.datasource.password=" + settings.password(),
				"--spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED", "--server.port=0",
				"--daiban.data-dir=" + settings.workDir().resolve("data-" + database).toAbsolutePath(),
				"--camunda.bpm.job-execution.enabled=true", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.com.daiban.bench=INFO"));
		overrides.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DaibanApplication.class)
			.run(args.toArray(String[]::new));
		return new BenchApp(context, settings, database);
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	List<String> groupsOf(String userId) {
		return groups.computeIfAbsent(userId, id -> bean(IdentityService.class).createGroupQuery()
			.groupMember(id)
			.list()
			.stream()
			.map(Group::getId)
			.toList());
	}

	/** Committed transactions of this database so far, read outside the pool after the stats collector caught up. */
	long committedTransactions() {
		try {
			Thread.sleep(1_200);
			try (Connection connection = connect(settings, database); Statement statement = connection.createStatement();
					ResultSet rows = statement
						.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
				rows.next();
				return rows.getLong(1);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static Connection connect(BenchSettings settings, String database) throws SQLException {
		return DriverManager.getConnection(settings.jdbcUrl(database), settings.user(), settings.password());
	}

	/** A fresh database per run and configuration: the history level and the indexes are decided at schema creation. */
	static void createDatabase(BenchSettings settings, String database) {
		try (Connection connection = connect(settings, "postgres"); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot create benchmark database " + database, e);
		}
	}

	@Override
	public void close() {
		context.close();
	}

}
