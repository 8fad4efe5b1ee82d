package com.daiban.notification;

import java.time.OffsetDateTime;
import java.util.List;

import com.daiban.records.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The notices already sent about a matter, oldest first, as the log keeps them. */
@Service
public class SentNotices {

	private final JdbcClient jdbc;

	SentNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<SentNotice> ofMatter(String matterNo) {
		return jdbc.sql("""
				SELECT sent_at, kind, channel, recipient, subject, body FROM notification_log
				WHERE matter_no = ? ORDER BY sent_at, id
				""")
			.param(matterNo)
			.query(RecordRows.of(SentNotice.class))
			.list();
	}

	/** {@code recipient} is the address used: a user id, an e-mail address or a phone number. */
	public record SentNotice(OffsetDateTime sentAt, String kind, String channel, String recipient, String subject,
			String body) {
	}

}
