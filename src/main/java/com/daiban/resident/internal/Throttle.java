package com.daiban.resident.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed public look-ups counted per client and per number in the database, so that every node sees the same counts:
 * once a key has too many failures within the window it waits out the window (429), the right pair included.
 */
@Component
class Throttle {

	private final JdbcClient jdbc;

	private final ResidentProperties properties;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	Throttle(JdbcClient jdbc, ResidentProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	static String client(String address) {
		return "client:" + address;
	}

	static String number(String number) {
		return "no:" + number;
	}

	/** Refuses with 429 when any of the keys waits. */
	void check(String... keys) {
		long waiting = jdbc.sql("SELECT COUNT(*) FROM public_throttle WHERE throttle_key IN (:keys) AND blocked_until > :now")
			.param("keys", List.of(keys))
			.param("now", now())
			.query(Long.class)
			.single();
		if (waiting > 0) {
			throw new PublicRefusal(HttpStatus.TOO_MANY_REQUESTS,
					"查询失败次数过多，请%d分钟后再试；如有疑问请拨打代办员电话".formatted(properties.throttleWindow().toMinutes()));
		}
	}

	/** Counts a failure for the client and for the number, each in a transaction of its own. */
	void failed(String clientKey, String numberKey) {
		count(clientKey, properties.lookupFailuresPerClient());
		count(numberKey, properties.lookupFailuresPerNumber());
	}

	private void count(String key, int limit) {
		try {
			ownTransaction.executeWithoutResult(status -> jdbc.sql("""
					INSERT INTO public_throttle (throttle_key, window_start, failures)
					SELECT ?, ?, 0 FROM (VALUES (1)) AS one (x)
					WHERE NOT EXISTS (SELECT 1 FROM public_throttle WHERE throttle_key = ?)
					""").params(key, now(), key).update());
		}
		catch (DuplicateKeyException raced) {
			// another request created the row a moment ago: count on it
		}
		ownTransaction.executeWithoutResult(status -> increment(key, limit));
	}

	private void increment(String key, int limit) {
		OffsetDateTime now = now();
		OffsetDateTime expired = now.minus(properties.throttleWindow());
		jdbc.sql("""
				UPDATE public_throttle SET
				  failures = CASE WHEN window_start < :expired THEN 1 ELSE failures + 1 END,
				  window_start = CASE WHEN window_start < :expired THEN :now ELSE window_start END
				WHERE throttle_key = :key
				""")
			.param("expired", expired)
			.param("now", now)
			.param("key", key)
			.update();
		jdbc.sql("""
				UPDATE public_throttle SET blocked_until = :until
				WHERE throttle_key = :key AND failures >= :limit AND (blocked_until IS NULL OR blocked_until < :now)
				""")
			.param("until", now.plus(properties.throttleWindow()))
			.param("key", key)
			.param("limit", limit)
			.param("now", now)
			.update();
	}

	/** Keys whose window and wait are over carry no information any more. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void forgetOld() {
		OffsetDateTime now = now();
		jdbc.sql("DELETE FROM public_throttle WHERE window_start < ? AND (blocked_until IS NULL OR blocked_until < ?)")
			.params(now.minus(properties.throttleWindow().multipliedBy(2)), now)
			.update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

}
