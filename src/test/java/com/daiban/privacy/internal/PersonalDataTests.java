package com.daiban.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.QueuedNotifications;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Residents' names and phones are kept no longer than needed; the figures stay. */
@DaibanSpringBootTest
class PersonalDataTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	PersonalDataCleanup cleanup;

	@Test
	void shouldRunTheEnginesHistoryCleanupInANightlyWindow() {
		var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(historyService.findHistoryCleanupJobs()).as("the cleanup job is scheduled by itself").isNotEmpty();
	}

	@Test
	void shouldForgetThePhoneOfAnEndedMatterAndAnonymiseAfterTheRetention() {
		String matterNo = accept("13900007777");
		String instanceId = jdbc.sql("SELECT process_instance_id FROM matter WHERE matter_no = ?").param(matterNo)
			.query(String.class).single();
		QueuedNotifications.send(dispatcher, matterNo + ":");
		String running = accept("13900008888");
		QueuedNotifications.send(dispatcher, running + ":");

		cleanup.forgetPhonesOfEndedMatters();
		assertThat(phoneVariables(instanceId)).as("a running matter keeps its phone").isEqualTo(1);

		withdraw(matterNo);
		cleanup.forgetPhonesOfEndedMatters();

		assertThat(phoneVariables(instanceId)).as("no phone left in the ended matter's history").isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_log WHERE recipient LIKE '%13900007777%'")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_log WHERE recipient LIKE '%13900008888%'")
			.query(Long.class).single()).as("the running matter's notices keep their recipient").isPositive();
		assertThat(jdbc.sql("SELECT resident_phone FROM matter WHERE matter_no = ?").param(matterNo)
			.query(String.class).single()).as("the ledger keeps the phone for the retention").isEqualTo("13900007777");

		Map<String, Object> before = figures(matterNo);
		int anonymised = cleanup.anonymiseBefore(OffsetDateTime.now().plusDays(1));

		assertThat(anonymised).isEqualTo(1);
		Map<String, Object> row = jdbc.sql("SELECT resident_name, resident_phone, description FROM matter WHERE matter_no = ?")
			.param(matterNo).query().singleRow();
		assertThat(row.values()).doesNotContain("陈阿婆", "13900007777", "上门代办");
		assertThat(figures(matterNo)).as("codes, dates and statuses stay for the reports").isEqualTo(before);
		assertThat(jdbc.sql("SELECT resident_name FROM matter WHERE matter_no = ?").param(running).query(String.class)
			.single()).as("a running matter is never anonymised").isEqualTo("陈阿婆");
		assertThat(cleanup.anonymiseBefore(OffsetDateTime.now().plusDays(1))).as("done once").isZero();
	}

	private Map<String, Object> figures(String matterNo) {
		return jdbc.sql("SELECT matter_no, village_code, township_code, service_item_code, status, accepted_at, closed_at, "
				+ "(SELECT COUNT(*) FROM matter_event e WHERE e.matter_no = m.matter_no) AS events FROM matter m "
				+ "WHERE matter_no = ?").param(matterNo).query().singleRow();
	}

	private long phoneVariables(String instanceId) {
		return historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
			.variableName("residentPhone").count();
	}

	private String accept(String phone) {
		HttpHeaders headers = json();
		ResponseEntity<Map<String, Object>> response = rest.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>("""
				{"villageCode":"V01","serviceItemCode":"MZ-004","channel":"HOME",
				 "resident":{"name":"陈阿婆","phone":"%s"},"description":"上门代办"}""".formatted(phone), headers), JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) response.getBody().get("matterNo");
	}

	private void withdraw(String matterNo) {
		ResponseEntity<String> done = rest.exchange("/api/matters/" + matterNo + "/withdrawal", HttpMethod.POST,
				new HttpEntity<>("{\"reason\":\"村民不再需要\"}", json()), String.class);
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		managementService.createJobQuery().list().forEach(job -> managementService.executeJob(job.getId()));
		assertThat(jdbc.sql("SELECT status FROM matter WHERE matter_no = ?").param(matterNo).query(String.class).single())
			.isEqualTo("WITHDRAWN");
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth("agent-v01-a", "demo");
		return headers;
	}

}
