package com.daiban.notification.internal;

import java.util.List;
import java.util.UUID;

import com.daiban.notification.ResidentTexts;
import org.springframework.stereotype.Service;

/** {@link ResidentTexts} through the outbox. */
@Service
class OutboxResidentTexts implements ResidentTexts {

	private final Notifications notifications;

	OutboxResidentTexts(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void sendOneTimeCode(String scope, String matterNo, String phone, String code, String purpose,
			int validMinutes) {
		String body = "【便民代办】验证码 %s，用于%s，%d分钟内有效。工作人员不会向您索要验证码，请勿告诉他人。".formatted(code,
				purpose, validMinutes);
		notifications.queue("code:" + scope + ":" + UUID.randomUUID(), matterNo, ONE_TIME_CODE,
				List.of(new Recipient("resident:" + phone, null, null, phone)), new Message("便民代办验证码", body));
	}

}
