package com.daiban.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.daiban.notification.NotificationProperties;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues notifications in the caller's transaction and sends them later, each at most once per idempotency key per
 * channel.
 * <p>
 * {@link #queue} writes one outbox row per recipient, under the batch's key, and wakes the {@link NotificationDispatcher}
 * once the caller's transaction has committed: the process step that queued stays short and never waits for a gateway.
 * The dispatcher sends each batch with {@link #sendPending} in a transaction of its own; a batch it cannot send is
 * {@linkplain #handOver handed over} to a {@value #DISPATCH_PROCESS} instance whose asynchronous job runs
 * {@link #dispatch}, with the model's retries and, when they run out, an incident in Cockpit. Either way the log row is
 * written before the gateway is called, so a failed send rolls it back (and keeps the outbox rows) and the next
 * attempt sends again, while an attempt after a success finds the log row and sends nothing.
 */
@Service
class Notifications {

	static final String DISPATCH_PROCESS = "notification-dispatch";

	private final JdbcClient jdbc;

	private final RuntimeService runtimeService;

	private final NotificationGateway gateway;

	private final NotificationProperties properties;

	private final Clock clock;

	private final ObjectProvider<NotificationDispatcher> dispatcher;

	Notifications(JdbcClient jdbc, @Lazy RuntimeService runtimeService, NotificationGateway gateway,
			NotificationProperties properties, Clock clock, ObjectProvider<NotificationDispatcher> dispatcher) {
		this.jdbc = jdbc;
		this.runtimeService = runtimeService;
		this.gateway = gateway;
		this.properties = properties;
		this.clock = clock;
		this.dispatcher = dispatcher;
	}

	/** Queues the message for each recipient under {@code batchKey}; wakes the dispatcher only if a row is new. */
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
		if (queued > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.ifAvailable(NotificationDispatcher::wake);
				}
			});
		}
	}

	/**
	 * The keys of batches waiting for the dispatcher, oldest first: those with a row after {@code afterId} whose key
	 * starts with {@code batchPrefix}.
	 */
	List<Pending> pendingBatches(String batchPrefix, long afterId, int limit) {
		return jdbc.sql("""
				SELECT id, batch_key FROM notification_outbox
				WHERE handed_over_at IS NULL AND id > ? AND batch_key LIKE ? ESCAPE '!'
				ORDER BY id LIMIT ?
				""")
			.params(afterId, batchPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%", limit)
			.query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2)))
			.list();
	}

	record Pending(long id, String batchKey) {
	}

	/**
	 * Sends the batch's rows that wait for the dispatcher and removes them, in the caller's transaction. The rows are
	 * locked first, so a second node taking the same batch waits and then finds nothing.
	 * @return how many rows were sent
	 */
	int sendPending(String batchKey) {
		return sendAndRemove(batchKey, "AND handed_over_at IS NULL");
	}

	/**
	 * Hands the batch's waiting rows over to a {@value #DISPATCH_PROCESS} instance, in the caller's transaction.
	 * @return whether there was anything to hand over
	 */
	boolean handOver(String batchKey) {
		int rows = jdbc.sql("UPDATE notification_outbox SET handed_over_at = ? WHERE batch_key = ? AND handed_over_at IS NULL")
			.params(OffsetDateTime.now(clock), batchKey)
			.update();
		if (rows > 0) {
			runtimeService.startProcessInstanceByKey(DISPATCH_PROCESS, batchKey);
		}
		return rows > 0;
	}

	/** The send step of a {@value #DISPATCH_PROCESS} instance: sends every message queued under {@code batchKey}. */
	void dispatch(String batchKey) {
		sendAndRemove(batchKey, "");
	}

	private int sendAndRemove(String batchKey, String condition) {
		List<Queued> batch = jdbc.sql("""
				SELECT id, idempotency_key, matter_no, kind, recipient_id, recipient_name, email, phone, subject, body
				FROM notification_outbox WHERE batch_key = ? %s ORDER BY id FOR UPDATE
				""".formatted(condition))
			.param(batchKey)
			.query((rs, row) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					new Recipient(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
					new Message(rs.getString(9), rs.getString(10))))
			.list();
		for (Queued queued : batch) {
			send(queued.idempotencyKey(), queued.matterNo(), queued.kind(), queued.recipient(), queued.message());
		}
		if (!batch.isEmpty()) {
			// the rows sent here, not a row of the same batch queued (and committed) while they were being sent
			jdbc.sql("DELETE FROM notification_outbox WHERE id IN (:ids)")
				.param("ids", batch.stream().map(Queued::id).toList())
				.update();
		}
		return batch.size();
	}

	private record Queued(long id, String idempotencyKey, String matterNo, String kind, Recipient recipient,
			Message message) {
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
