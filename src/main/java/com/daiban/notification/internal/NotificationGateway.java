package com.daiban.notification.internal;

import java.time.Duration;
import java.util.Map;

import com.daiban.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The outside world: SMTP, the SMS gateway's webhook, and the log. A failure here throws, so the job that called it is
 * retried and, once retries run out, becomes an incident in Cockpit.
 */
@Component
class NotificationGateway {

	private static final Logger log = LoggerFactory.getLogger("daiban.notification");

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationProperties properties;

	private final RestClient sms;

	NotificationGateway(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
		var requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(Duration.ofSeconds(5));
		requestFactory.setReadTimeout(Duration.ofSeconds(10));
		this.sms = RestClient.builder().requestFactory(requestFactory).build();
	}

	void email(String to, Message message) {
		var mail = new SimpleMailMessage();
		mail.setFrom(properties.fromAddress());
		mail.setTo(to);
		mail.setSubject(message.subject());
		mail.setText(message.body());
		mailSender.getObject().send(mail);
	}

	/**
	 * @param messageId the idempotency key: a crash after the gateway took the message but before our transaction
	 * committed makes the retry send it again, and a gateway that drops repeated ids delivers it once
	 */
	void sms(String phone, Message message, String messageId) {
		sms.post()
			.uri(properties.smsWebhookUrl())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("phone", phone, "text", message.body(), "messageId", messageId))
			.retrieve()
			.toBodilessEntity();
	}

	void log(Recipient recipient, Message message) {
		log.info("通知 {} ({}): {}", recipient.name(), recipient.id(), message.body());
	}

}
