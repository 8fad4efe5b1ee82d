package com.daiban.resident.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import com.daiban.notification.ResidentTexts;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time codes that prove a resident holds a phone: 6 digits, sent by SMS, valid for
 * {@code daiban.resident.code-validity} (10 minutes), used once, void after {@value #TRIES} wrong tries. Only a salted
 * SHA-256 of each code (with {@code daiban.resident.code-secret}) is stored. A phone gets at most
 * {@code codes-per-hour} codes an hour and one a minute, so guessing stays hopeless: 5 codes × 3 tries of 10⁶.
 */
@Component
class OneTimeCodes {

	static final int TRIES = 3;

	enum Purpose {
		SIGN_OFF, COMPLAINT
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ResidentTexts texts;

	private final ResidentProperties properties;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	OneTimeCodes(JdbcClient jdbc, ResidentTexts texts, ResidentProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.texts = texts;
		this.properties = properties;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Stores a new code for {@code subject} (a matter number, or the phone for a complaint) and queues its SMS, in the
	 * caller's transaction; an earlier unused code of the subject is void from now on. Limited per phone and per
	 * client: one client asking codes for one phone after another would otherwise send SMS to strangers.
	 */
	void issue(Purpose purpose, String subject, String matterNo, String phone, String purposeText, String client) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		long ofClient = jdbc.sql("SELECT COUNT(*) FROM one_time_code WHERE client_key = ? AND created_at > ?")
			.params(client, now.minusHours(1))
			.query(Long.class)
			.single();
		if (ofClient >= properties.codesPerClientPerHour()) {
			throw new PublicRefusal(HttpStatus.TOO_MANY_REQUESTS, "本设备获取验证码过于频繁，请1小时后再试");
		}
		long lastHour = jdbc.sql("SELECT COUNT(*) FROM one_time_code WHERE phone = ? AND created_at > ?")
			.params(phone, now.minusHours(1))
			.query(Long.class)
			.single();
		long lastMinute = jdbc.sql("SELECT COUNT(*) FROM one_time_code WHERE phone = ? AND created_at > ?")
			.params(phone, now.minusMinutes(1))
			.query(Long.class)
			.single();
		if (lastMinute > 0) {
			throw new PublicRefusal(HttpStatus.TOO_MANY_REQUESTS, "验证码已发送，请1分钟后再重新获取");
		}
		if (lastHour >= properties.codesPerHour()) {
			throw new PublicRefusal(HttpStatus.TOO_MANY_REQUESTS, "验证码获取过于频繁，请1小时后再试");
		}
		jdbc.sql("UPDATE one_time_code SET used_at = ? WHERE purpose = ? AND subject = ? AND used_at IS NULL")
			.params(now, purpose.name(), subject)
			.update();
		String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
		byte[] saltBytes = new byte[8];
		RANDOM.nextBytes(saltBytes);
		String salt = HexFormat.of().formatHex(saltBytes);
		jdbc.sql("""
				INSERT INTO one_time_code (purpose, subject, phone, salt, code_hash, created_at, expires_at, client_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(purpose.name(), subject, phone, salt, hash(salt, code), now, now.plus(properties.codeValidity()),
					client)
			.update();
		texts.sendOneTimeCode(purpose == Purpose.SIGN_OFF ? subject : "complaint", matterNo, phone, code, purposeText,
				(int) properties.codeValidity().toMinutes());
	}

	/**
	 * Uses the subject's current code, in a transaction of its own (a wrong try counts even if what follows fails).
	 * Refuses with a Chinese 400 that says how many tries are left.
	 */
	void use(Purpose purpose, String subject, String code) {
		String refusal = ownTransaction.execute(status -> tryUse(purpose, subject, code));
		if (refusal != null) {
			throw PublicRefusal.invalid("code", refusal);
		}
	}

	private String tryUse(Purpose purpose, String subject, String code) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		var current = jdbc.sql("""
				SELECT id, salt, code_hash, failed_attempts, expires_at FROM one_time_code
				WHERE purpose = ? AND subject = ? AND used_at IS NULL ORDER BY created_at DESC, id DESC FETCH FIRST 1 ROWS ONLY
				""")
			.params(purpose.name(), subject)
			.query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getObject(5, OffsetDateTime.class)))
			.optional();
		if (current.isEmpty() || !current.get().expiresAt().isAfter(now)) {
			return "验证码已失效，请重新获取";
		}
		Stored stored = current.get();
		// conditional updates, so that parallel tries never get more than TRIES guesses at one code
		if (code != null && MessageDigest.isEqual(hash(stored.salt(), code).getBytes(StandardCharsets.US_ASCII),
				stored.hash().getBytes(StandardCharsets.US_ASCII))) {
			int used = jdbc.sql("UPDATE one_time_code SET used_at = ? WHERE id = ? AND used_at IS NULL AND failed_attempts < ?")
				.params(now, stored.id(), TRIES)
				.update();
			return used == 1 ? null : "验证码已失效，请重新获取";
		}
		int counted = jdbc.sql("""
				UPDATE one_time_code SET failed_attempts = failed_attempts + 1
				WHERE id = ? AND used_at IS NULL AND failed_attempts < ?
				""")
			.params(stored.id(), TRIES)
			.update();
		int failed = jdbc.sql("SELECT failed_attempts FROM one_time_code WHERE id = ?").param(stored.id()).query(Integer.class).single();
		if (counted == 0 || failed >= TRIES) {
			jdbc.sql("UPDATE one_time_code SET used_at = ? WHERE id = ? AND used_at IS NULL").params(now, stored.id()).update();
			return "验证码错误次数过多，已失效，请重新获取";
		}
		return "验证码不正确，还可以再试%d次".formatted(TRIES - failed);
	}

	java.time.Duration validity() {
		return properties.codeValidity();
	}

	private String hash(String salt, String code) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(salt.getBytes(StandardCharsets.US_ASCII));
			digest.update(properties.codeSecret().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	private record Stored(long id, String salt, String hash, int failedAttempts, OffsetDateTime expiresAt) {
	}

}
