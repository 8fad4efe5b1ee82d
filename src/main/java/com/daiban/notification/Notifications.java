package com.daiban.notification;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sends each notification at most once per idempotency key per channel: the log row is written first, in the job's
 * transaction, so a failed send rolls it back and the retry sends again, while a job that already succeeded and runs
 * again finds the row and sends nothing.
 */
@Service
class Notifications {

	private final JdbcClient jdbc;

	private final NotificationGateway gateway;

	private final NotificationProperties properties;

	private final Clock clock;

	Notifications(JdbcClient jdbc, NotificationGateway gateway, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.gateway = gateway;
		this.properties = properties;
		this.clock = clock;
	}

	void send(String idempotencyKey, String matterNo, String kind, Recipient recipient, Message message) {
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
