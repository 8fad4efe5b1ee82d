package com.daiban.records;

import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-township, per-day counters behind matter and complaint numbers ({@code T01-20261129-0001},
 * {@code TS-T01-20261129-001}). Each table has one row per township and day: {@code township_code},
 * {@code counter_day}, {@code last_value}.
 * <p>
 * A number is taken in a short transaction of its own, so that concurrent filings wait on the counter row only for an
 * instant; a number lost to a later rollback leaves a gap, never a duplicate. The first two numbers of a day may race
 * on inserting the row: the loser's insert fails on the key (PostgreSQL also aborts its transaction), and the loser
 * takes a number again in a fresh transaction.
 * <p>
 * Those transactions run on a pool of their own (the application's datasource and Hikari settings, {@value #SIZE}
 * connections). The filing's own transaction already holds a connection of the application's pool; drawn from that
 * pool too, as many simultaneous filings as it has connections would each hold one and wait for a second until the
 * pool gave up (30 s by default) and every one of them failed (docs/performance.md, "Matter and complaint numbers on
 * connections of their own"). Transactions on this pool need no other connection, so they cannot wait
 * on each other in a circle.
 */
@Component
public class DailyCounters implements DisposableBean {

	/** A number is two short statements on one row and a commit: each connection is held for milliseconds. */
	static final int SIZE = 2;

	private static final Pattern TABLE = Pattern.compile("[a-z_]+_counter");

	private final HikariDataSource pool;

	private final TransactionTemplate ownTransaction;

	private final JdbcClient jdbc;

	DailyCounters(DataSourceProperties dataSource, Environment environment) {
		this.pool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		// the application pool's settings (isolation, time-outs, driver properties), fewer connections
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
		pool.setPoolName("daiban-counters");
		pool.setMaximumPoolSize(SIZE);
		pool.setMinimumIdle(0);
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
		this.jdbc = JdbcClient.create(pool);
	}

	/**
	 * Adds one to the counter of {@code townshipCode} on {@code day} in {@code table} and returns the new value, 1 for
	 * the day's first; committed before it returns.
	 */
	public int next(String table, String townshipCode, String day) {
		if (!TABLE.matcher(table).matches()) {
			throw new IllegalArgumentException("not a counter table: " + table);
		}
		for (int attempt = 1;; attempt++) {
			try {
				return ownTransaction.execute(status -> increment(table, townshipCode, day));
			}
			catch (DataIntegrityViolationException firstOfTheDayRaced) {
				// both inserted the day's row; the loser's fresh transaction now finds it and increments it
				if (attempt == 3) {
					throw firstOfTheDayRaced;
				}
			}
		}
	}

	private int increment(String table, String townshipCode, String day) {
		int updated = jdbc
			.sql("UPDATE " + table + " SET last_value = last_value + 1 WHERE township_code = ? AND counter_day = ?")
			.params(townshipCode, day)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO " + table + " (township_code, counter_day, last_value) VALUES (?, ?, 1)")
				.params(townshipCode, day)
				.update();
			return 1;
		}
		return jdbc.sql("SELECT last_value FROM " + table + " WHERE township_code = ? AND counter_day = ?")
			.params(townshipCode, day)
			.query(Integer.class)
			.single();
	}

	@Override
	public void destroy() {
		pool.close();
	}

}
