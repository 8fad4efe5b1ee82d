package com.daiban.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.QueuedNotifications;
import com.daiban.support.TestDatabase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.test.context.TestPropertySource;

/**
 * A matter's life through the HTTP APIs only, with the job executor running as in production: notifications, the
 * deadline escalation and the e-mail to the supervision office happen by themselves. In the build's second surefire
 * run this class runs on a real PostgreSQL.
 */
@DaibanSpringBootTest
@TestPropertySource(properties = { "camunda.bpm.job-execution.enabled=true", "daiban.notification.dispatch.enabled=true" })
class PostgresEndToEndTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldCarryAMatterFromAcceptanceToArchiveThroughTheApis() {
		System.out.println("[daiban-test] end-to-end on " + (TestDatabase.isPostgres() ? "PostgreSQL" : "H2"));
		Map<String, Object> accepted = accept("MZ-004");
		String matterNo = (String) accepted.get("matterNo");
		String instanceId = (String) accepted.get("processInstanceId");

		await().atMost(Duration.ofSeconds(30)).until(() -> count("notification_log", matterNo, "PROMISE") == 1);

		String handling = onlyTask("clerk-t01", instanceId);
		post("clerk-t01", "/engine-rest/task/" + handling + "/claim", "{\"userId\":\"clerk-t01\"}");
		post("clerk-t01", "/engine-rest/task/" + handling + "/complete",
				"{\"variables\":{\"outcome\":{\"value\":\"DONE\"},\"reply\":{\"value\":\"津贴已核准发放\"}}}");
		String signOff = onlyTask("agent-v01-b", instanceId);
		post("agent-v01-b", "/engine-rest/task/" + signOff + "/claim", "{\"userId\":\"agent-v01-b\"}");
		post("agent-v01-b", "/engine-rest/task/" + signOff + "/complete",
				"{\"variables\":{\"residentConfirmed\":{\"value\":\"true\"},\"rating\":{\"value\":\"5\"}}}");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 1);
		Map<String, Object> matter = get("agent-v01-a", "/api/matters/" + matterNo, JSON).getBody();
		assertThat(matter).containsEntry("status", "CLOSED").containsEntry("onTime", true).containsEntry("handlerId", "clerk-t01");
		// the reply notice is sent by the notification dispatcher, independent of the matter ending
		await().atMost(Duration.ofSeconds(30)).until(() -> count("notification_log", matterNo, "REPLIED") == 1);
		assertThat(QueuedNotifications.queued(jdbc, matterNo + ":")).as("every notice of this matter has left the outbox")
			.isEmpty();
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(QueuedNotifications.DISPATCH_PROCESS)
			.count()).as("nothing was handed over to the engine").isZero();
	}

	@Test
	void shouldEscalateAPassedDeadlineByItselfAndTellTheSupervisionOffice() {
		Map<String, Object> accepted = accept("MZ-002");
		String matterNo = (String) accepted.get("matterNo");
		String instanceId = (String) accepted.get("processInstanceId");
		var deadline = managementService.createJobQuery()
			.processInstanceId(instanceId)
			.activityId("Event_DeadlinePassed")
			.singleResult();

		managementService.setJobDuedate(deadline.getId(), new Date());

		await().atMost(Duration.ofSeconds(30)).until(() -> count("notification_log", matterNo, "OVERDUE") >= 3);
		int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
		List<Map<String, Object>> list = get("supervisor-t01", "/api/negative-list?year=" + year, JSON_LIST).getBody();
		assertThat(list).filteredOn(entry -> matterNo.equals(entry.get("matterNo")))
			.singleElement()
			.satisfies(entry -> assertThat(entry).containsEntry("reason", "OVERDUE")
				.containsEntry("townshipCode", "T01")
				.containsEntry("villageCode", "V01")
				.containsEntry("responsibleUnit", "township-T01"));
		assertThat(get("supervisor-t02", "/api/negative-list?year=" + year, JSON_LIST).getBody())
			.noneMatch(entry -> matterNo.equals(entry.get("matterNo")));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> List.of(TestDatabase.mail().getReceivedMessages())
				.stream()
				.anyMatch(message -> subject(message).contains(matterNo) && to(message).equals("supervisor-t01@daiban.local")));
		assertThat(tasks("supervisor-t01", instanceId)).extracting(task -> task.get("taskDefinitionKey"))
			.containsExactly("Task_SuperviseMatter");
		assertThat(tasks("supervisor-t02", instanceId)).isEmpty();
		assertThat(tasks("clerk-t01", instanceId)).extracting(task -> task.get("taskDefinitionKey"))
			.containsExactly("Task_HandleMatter");
	}

	@Test
	void shouldReportTheJobExecutorInHealth() {
		ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).contains("\"jobExecutor\":{\"status\":\"UP\"").contains("\"processEngine\":{\"status\":\"UP\"");
	}

	private Map<String, Object> accept(String item) {
		HttpHeaders headers = json();
		headers.setBasicAuth("agent-v01-a", "demo");
		ResponseEntity<Map<String, Object>> response = rest.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>("""
				{"villageCode":"V01","serviceItemCode":"%s","channel":"HOME",
				 "resident":{"name":"陈阿婆","phone":"13900003333"},"description":"上门代办"}""".formatted(item), headers), JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return response.getBody();
	}

	private String onlyTask(String user, String instanceId) {
		await().atMost(Duration.ofSeconds(10)).until(() -> tasks(user, instanceId).size() == 1);
		return (String) tasks(user, instanceId).get(0).get("id");
	}

	private List<Map<String, Object>> tasks(String user, String instanceId) {
		return get(user, "/engine-rest/task?processInstanceId=" + instanceId, JSON_LIST).getBody();
	}

	private void post(String user, String path, String body) {
		HttpHeaders headers = json();
		headers.setBasicAuth(user, "demo");
		ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
		assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s → %s", user, path, response.getBody()).isTrue();
	}

	private <T> ResponseEntity<T> get(String user, String path, ParameterizedTypeReference<T> type) {
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, type);
	}

	private long count(String table, String matterNo, String kind) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE matter_no = ? AND kind = ?")
			.params(matterNo, kind)
			.query(Long.class)
			.single();
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static String subject(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String to(jakarta.mail.internet.MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
