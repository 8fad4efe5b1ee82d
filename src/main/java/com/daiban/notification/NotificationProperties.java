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
 */
@ConfigurationProperties("daiban.notification")
public record NotificationProperties(List<String> channels, String smsWebhookUrl, String fromAddress,
		Duration directoryCache) {

	public NotificationProperties {
		channels = channels == null ? List.of("log") : List.copyOf(channels);
		fromAddress = fromAddress == null ? "daiban@localhost" : fromAddress;
		directoryCache = directoryCache == null ? Duration.ofSeconds(30) : directoryCache;
	}

	boolean uses(String channel) {
		return channels.contains(channel);
	}

}
