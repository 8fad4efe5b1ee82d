package com.daiban.privacy.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nightly: (1) once a matter has ended, the resident's phone leaves the engine's history and the notification log
 * (the ledger keeps it for the retention, the supervision office calls residents back); (2) after the retention, the
 * names, phones and free text of matters, their timeline, complaints and the notices about them are replaced. Codes,
 * dates, statuses, outcomes and ratings stay, so every count and report still adds up.
 */
@Component
class PersonalDataCleanup {

	static final String REMOVED = "（已匿名）";

	static final String REMOVED_PHONE = "-";

	/** Process variables holding a resident's phone. */
	static final List<String> PHONE_VARIABLES = List.of("residentPhone");

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCleanup.class);

	private static final String ENDED = "('CLOSED', 'WITHDRAWN')";

	private final JdbcClient jdbc;

	private final HistoryService historyService;

	private final RetentionProperties properties;

	private final Clock clock;

	PersonalDataCleanup(JdbcClient jdbc, HistoryService historyService, RetentionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.historyService = historyService;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${daiban.retention.cron:0 30 2 * * *}")
	void nightly() {
		int phones = forgetPhonesOfEndedMatters();
		int matters = anonymiseBefore(OffsetDateTime.now(clock).minus(properties.personalData()));
		log.info("personal data: {} phone(s) of ended matters removed, {} matter(s) anonymised", phones, matters);
	}

	/** @return how many historic variables and notification log rows lost a phone */
	@Transactional
	int forgetPhonesOfEndedMatters() {
		List<String> variables = jdbc.sql("""
				SELECT v.ID_ FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = v.PROC_INST_ID_
				WHERE p.END_TIME_ IS NOT NULL AND v.NAME_ IN (:names)""")
			.param("names", PHONE_VARIABLES)
			.query(String.class)
			.list();
		variables.forEach(historyService::deleteHistoricVariableInstance);
		int notices = jdbc.sql("UPDATE notification_log SET recipient = 'resident:" + REMOVED_PHONE
				+ "' WHERE recipient LIKE 'resident:%' AND recipient <> 'resident:" + REMOVED_PHONE
				+ "' AND matter_no IN (SELECT matter_no FROM matter WHERE status IN " + ENDED + ")")
			.update();
		int failures = jdbc.sql("UPDATE notification_failure SET recipient = 'resident:" + REMOVED_PHONE
				+ "' WHERE recipient LIKE 'resident:%' AND recipient <> 'resident:" + REMOVED_PHONE
				+ "' AND matter_no IN (SELECT matter_no FROM matter WHERE status IN " + ENDED + ")")
			.update();
		return variables.size() + notices + failures;
	}

	/** @return how many matters were anonymised */
	@Transactional
	int anonymiseBefore(OffsetDateTime cutoff) {
		jdbc.sql("UPDATE notification_log SET recipient = 'resident:" + REMOVED_PHONE + "', body = '" + REMOVED
				+ "' WHERE recipient LIKE 'resident:%' AND body <> '" + REMOVED + "' AND sent_at < ?")
			.param(cutoff)
			.update();
		jdbc.sql("UPDATE matter_event SET detail = NULL WHERE detail IS NOT NULL AND matter_no IN (SELECT matter_no "
				+ "FROM matter WHERE anonymised_at IS NULL AND accepted_at < ? AND status IN " + ENDED + ")")
			.param(cutoff)
			.update();
		jdbc.sql("UPDATE complaint SET complainant_name = ?, complainant_phone = ?, content = ?, anonymised_at = ? "
				+ "WHERE anonymised_at IS NULL AND filed_at < ? AND status IN ('CLOSED', 'NOT_VERIFIED')")
			.params(REMOVED, REMOVED_PHONE, REMOVED, OffsetDateTime.now(clock), cutoff)
			.update();
		return jdbc.sql("UPDATE matter SET resident_name = ?, resident_phone = ?, description = ?, anonymised_at = ? "
				+ "WHERE anonymised_at IS NULL AND accepted_at < ? AND status IN " + ENDED)
			.params(REMOVED, REMOVED_PHONE, REMOVED, OffsetDateTime.now(clock), cutoff)
			.update();
	}

}
