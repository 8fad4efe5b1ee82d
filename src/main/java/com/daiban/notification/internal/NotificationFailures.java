package com.daiban.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.daiban.records.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed delivery attempts, one row per notice, channel and attempt, written in a transaction of their own: the
 * sending transaction rolls back (so the notice is retried) but the failure stays visible.
 */
@Component
class NotificationFailures {

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	NotificationFailures(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	record Failure(String idempotencyKey, String matterNo, String kind, String channel, String recipient, String error,
			OffsetDateTime failedAt) {
	}

	void record(String idempotencyKey, String matterNo, String kind, String channel, String recipient,
			RuntimeException failure) {
		String error = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
		ownTransaction.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO notification_failure (idempotency_key, matter_no, kind, channel, recipient, error, failed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(idempotencyKey, matterNo, kind, channel, cut(recipient, 128), cut(error, 500),
					OffsetDateTime.now(clock))
			.update());
	}

	List<Failure> recent(String matterNo, int limit) {
		return jdbc.sql("""
				SELECT idempotency_key, matter_no, kind, channel, recipient, error, failed_at FROM notification_failure
				WHERE (CAST(? AS VARCHAR(32)) IS NULL OR matter_no = ?) ORDER BY failed_at DESC, id DESC LIMIT ?""")
			.params(matterNo, matterNo, limit)
			.query(RecordRows.of(Failure.class))
			.list();
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
