package com.daiban.notification;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Texts to a resident's phone that no process step sends: the one-time codes of the public page. They go through the
 * outbox like every notice; the log keeps them with the code blanked out.
 */
@Service
public class ResidentTexts {

	static final String ONE_TIME_CODE = "ONE_TIME_CODE";

	private final Notifications notifications;

	ResidentTexts(Notifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * Queues the code for {@code phone}; the dispatcher sends it once the caller's transaction commits.
	 * @param scope what the code is for (a matter number, or "complaint"): the outbox batch is {@code code:<scope>:…}
	 * @param matterNo the matter it concerns, or {@code null}
	 * @param purpose in Chinese, completing "用于…", e.g. "签字确认事项 T01-20261128-0001"
	 */
	public void sendOneTimeCode(String scope, String matterNo, String phone, String code, String purpose,
			int validMinutes) {
		String body = "【便民代办】验证码 %s，用于%s，%d分钟内有效。工作人员不会向您索要验证码，请勿告诉他人。".formatted(code,
				purpose, validMinutes);
		notifications.queue("code:" + scope + ":" + UUID.randomUUID(), matterNo, ONE_TIME_CODE,
				List.of(new Recipient("resident:" + phone, null, null, phone)), new Message("便民代办验证码", body));
	}

}
