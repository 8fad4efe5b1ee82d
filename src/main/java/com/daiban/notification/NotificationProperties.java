package com.daiban.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param channels the channels in use: {@code log} (demo), {@code email} (SMTP via spring.mail.*), {@code sms} (the
 * SMS gateway's HTTP webhook)
 * @param smsWebhookUrl where SMS requests are POSTed as JSON {@code {phone, text, messageId}}; the gateway should
 * drop a repeated messageId (a retry after a crash may repeat one)
 * @param fromAddress sender of e-mails
 * @param directoryCache how long the staff a notification goes to (group members, their e-mail and phone) are kept
 * between lookups; a change in Admin reaches notifications after at most this long. {@code 0s} looks up every time
 * @param dispatch how queued notifications are sent ({@link NotificationDispatcher})
 */
@ConfigurationProperties("daiban.notification")
public record NotificationProperties(List<String> channels, String smsWebhookUrl, String fromAddress,
		Duration directoryCache, Dispatch dispatch) {

	public NotificationProperties {
		channels = channels == null ? List.of("log") : List.copyOf(channels);
		fromAddress = fromAddress == null ? "daiban@localhost" : fromAddress;
		directoryCache = directoryCache == null ? Duration.ofSeconds(30) : directoryCache;
		dispatch = dispatch == null ? new Dispatch(null, null, null) : dispatch;
	}

	/**
	 * @param enabled whether this node sends queued notifications in the background (tests drive it by hand)
	 * @param interval how long the dispatcher waits between looks at the outbox when nothing wakes it; a transaction
	 * that queued a notification wakes it at once
	 * @param threads how many batches are sent at the same time, each in its own transaction (a mail server or an SMS
	 * gateway answers in tens of milliseconds, so sending one after the other would trail a wave of deadlines)
	 */
	public record Dispatch(Boolean enabled, Duration interval, Integer threads) {

		public Dispatch {
			enabled = enabled == null || enabled;
			interval = interval == null ? Duration.ofSeconds(1) : interval;
			threads = threads == null ? 4 : threads;
			if (interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("daiban.notification.dispatch.interval must be positive");
			}
			if (threads < 1) {
				throw new IllegalArgumentException("daiban.notification.dispatch.threads must be at least 1");
			}
		}

	}

	public boolean uses(String channel) {
		return channels.contains(channel);
	}

}
