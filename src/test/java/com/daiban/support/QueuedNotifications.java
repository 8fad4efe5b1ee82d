package com.daiban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.daiban.notification.internal.NotificationDispatcher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the notification dispatcher does with queued notifications, driven by a test (the tests' profile turns its
 * background worker off): each batch is a group of outbox rows whose key starts with the matter (or complaint) number
 * and the notification kind, e.g. {@code T01-…-0001:PROMISE:1:Task_NotifyPromise}.
 */
public final class QueuedNotifications {

	/** The process a batch is handed over to when it cannot be sent. */
	public static final String DISPATCH_PROCESS = "notification-dispatch";

	private QueuedNotifications() {
	}

	/** The keys of the batches waiting in the outbox whose key starts with {@code batchPrefix}. */
	public static List<String> queued(JdbcClient jdbc, String batchPrefix) {
		return jdbc.sql("SELECT DISTINCT batch_key FROM notification_outbox WHERE batch_key LIKE ? ESCAPE '!' ORDER BY batch_key")
			.param(batchPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
			.query(String.class)
			.list();
	}

	/**
	 * Sends the batches whose key starts with {@code batchPrefix}, as the dispatcher's worker would; fails if none was
	 * sent.
	 * @return how many batches were sent
	 */
	public static int send(NotificationDispatcher dispatcher, String batchPrefix) {
		int sent = dispatcher.sendQueued(batchPrefix);
		assertThat(sent).as("queued notifications %s* sent", batchPrefix).isPositive();
		return sent;
	}

}
