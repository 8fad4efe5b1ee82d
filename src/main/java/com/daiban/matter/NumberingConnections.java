package com.daiban.matter;

import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connections matter numbers are drawn on: a pool of their own, on the application's database and settings.
 * <p>
 * A number is taken in a short transaction of its own while the acceptance's transaction already holds a connection.
 * Drawn from the same pool, as many simultaneous acceptances as the pool has connections would each hold one and wait
 * for a second until the pool gave up (30 s by default) and every one of them failed. Found when the benchmark ran 8
 * agents on a pool of 6 (docs/performance.md, "Connection pool"). The transactions of this pool need no other
 * connection, so they cannot wait on each other in a circle, and an acceptance waits at most for a few counter updates.
 */
@Component
class NumberingConnections implements DisposableBean {

	/** A number takes three statements on one row; two connections allocate hundreds a second. */
	static final int SIZE = 2;

	private final HikariDataSource pool;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	NumberingConnections(DataSourceProperties dataSource, Environment environment) {
		this.pool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		// the same Hikari settings as the application's pool (isolation, time-outs, driver properties), fewer connections
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
		pool.setPoolName("daiban-matter-numbers");
		pool.setMaximumPoolSize(SIZE);
		pool.setMinimumIdle(0);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
		this.jdbc = JdbcClient.create(pool);
	}

	/** Runs {@code work} in a transaction of this pool and commits it before returning. */
	<T> T inTransaction(Function<JdbcClient, T> work) {
		return transaction.execute(status -> work.apply(jdbc));
	}

	@Override
	public void destroy() {
		pool.close();
	}

}
