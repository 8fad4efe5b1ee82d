package com.daiban.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Queues notifications in the caller's transaction and sends them later, each at most once per idempotency key per
 * channel.
 * <p>
 * {@link #queue} writes one outbox row per recipient and starts a {@value #DISPATCH_PROCESS} instance whose business key
 * is the batch: the process step that queued stays short and never shares its execution tree with a job that talks to
 * a gateway. {@link #dispatch} runs in that instance's asynchronous job: the log row is written first, so a failed send
 * rolls it back (and keeps the outbox rows) and the retry sends again, while a job that already succeeded and runs again
 * finds the log row and sends nothing.
 */
@Service
class Notifications {

	static final String DISPATCH_PROCESS = "notification-dispatch";

	private final JdbcClient jdbc;

	private final RuntimeService runtimeService;

	private final NotificationGateway gateway;

	private final NotificationProperties properties;

	private final Clock clock;

	Notifications(JdbcClient jdbc, @Lazy RuntimeService runtimeService, NotificationGateway gateway,
			NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.runtimeService = runtimeService;
		this.gateway = gateway;
		this.properties = properties;
		this.clock = clock;
	}

	/** Queues the message for each recipient under {@code batchKey}; starts the dispatch only if a row is new. */
	void queue(String batchKey, String matterNo, String kind, List<Recipient> recipients, Message message) {
		String batch = truncate(batchKey, 180);
		int queued = 0;
		for (Recipient recipient : recipients) {
			String key = truncate(batch + ":" + recipient.id(), 190);
			queued += jdbc.sql("""
					INSERT INTO notification_outbox (batch_key, idempotency_key, matter_no, kind, recipient_id,
					    recipient_name, email, phone, subject, body, queued_at)
					SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one (x)
					WHERE NOT EXISTS (SELECT 1 FROM notification_outbox WHERE idempotency_key = ?)
					""")
				.params(batch, key, matterNo, kind, truncate(recipient.id(), 128), truncate(recipient.name(), 128),
						truncate(recipient.email(), 255), truncate(recipient.phone(), 32), truncate(message.subject(), 200),
						truncate(message.body(), 2000), OffsetDateTime.now(clock), key)
				.update();
		}
		if (queued > 0) {
			runtimeService.startProcessInstanceByKey(DISPATCH_PROCESS, batch);
		}
	}

	/** Sends every message queued under {@code batchKey} and removes them from the outbox. */
	void dispatch(String batchKey) {
		List<Queued> batch = jdbc.sql("""
				SELECT idempotency_key, matter_no, kind, recipient_id, recipient_name, email, phone, subject, body
				FROM notification_outbox WHERE batch_key = ? ORDER BY id
				""")
			.param(batchKey)
			.query((rs, row) -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3),
					new Recipient(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
					new Message(rs.getString(8), rs.getString(9))))
			.list();
		for (Queued queued : batch) {
			send(queued.idempotencyKey(), queued.matterNo(), queued.kind(), queued.recipient(), queued.message());
		}
		jdbc.sql("DELETE FROM notification_outbox WHERE batch_key = ?").param(batchKey).update();
	}

	private record Queued(String idempotencyKey, String matterNo, String kind, Recipient recipient, Message message) {
	}

	private void send(String idempotencyKey, String matterNo, String kind, Recipient recipient, Message message) {
		boolean sent = false;
		if (properties.uses("email") && recipient.email() != null) {
			if (claim(idempotencyKey, matterNo, kind, "EMAIL", recipient.email(), message)) {
				gateway.email(recipient.email(), message);
			}
			sent = true;
		}
		if (properties.uses("sms") && recipient.phone() != null && recipient.email() == null) {
			if (claim(idempotencyKey, matterNo, kind, "SMS", recipient.phone(), message)) {
				gateway.sms(recipient.phone(), message, channelKey(idempotencyKey, "SMS"));
			}
			sent = true;
		}
		if (properties.uses("log") || !sent) {
			if (claim(idempotencyKey, matterNo, kind, "LOG", recipient.id(), message)) {
				gateway.log(recipient, message);
			}
		}
	}

	private boolean claim(String key, String matterNo, String kind, String channel, String recipient, Message message) {
		String channelKey = channelKey(key, channel);
		return jdbc.sql("""
				INSERT INTO notification_log (idempotency_key, matter_no, kind, channel, recipient, subject, body, sent_at)
				SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one (x)
				WHERE NOT EXISTS (SELECT 1 FROM notification_log WHERE idempotency_key = ?)
				""")
			.params(channelKey, matterNo, kind, channel, truncate(recipient, 128), truncate(message.subject(), 200),
					truncate(message.body(), 2000), OffsetDateTime.now(clock), channelKey)
			.update() == 1;
	}

	private static String channelKey(String key, String channel) {
		return truncate(key + ":" + channel, 200);
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
