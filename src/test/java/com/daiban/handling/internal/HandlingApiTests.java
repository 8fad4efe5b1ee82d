package com.daiban.handling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.TestClock;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/** The clock operations as clients call them: who may, in which state, and that a refusal changes nothing. */
@DaibanSpringBootTest
class HandlingApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String TOWNSHIP_MATTER = """
			{"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE",
			 "resident":{"name":"张三","phone":"13812345678"},"description":"申请低保"}""";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void fixClock() {
		TestClock.set(MatterHandlingProcessTest.WEDNESDAY_MORNING);
	}

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void shouldShowPauseResumeAndTransferOnTheTimelineAndHandTheTaskToTheCity() {
		String matterNo = accept();

		assertThat(post("clerk-t01", matterNo, "pause", "{\"reason\":\"等待委托人补交材料\"}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(matter("clerk-t01", matterNo)).containsEntry("status", "PAUSED").containsEntry("overdue", false);
		TestClock.advance(java.time.Duration.ofHours(2));
		assertThat(post("clerk-t01", matterNo, "resume", "{}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(matter("clerk-t01", matterNo)).containsEntry("status", "HANDLING");
		ResponseEntity<Map<String, Object>> transfer = post("clerk-t01", matterNo, "transfer",
				"{\"toUnit\":\"city-center\",\"reason\":\"属市级事项\"}");
		assertThat(transfer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(transfer.getBody()).containsEntry("handlingGroup", "city-center");

		Map<String, Object> view = matter("clerk-city", matterNo);
		assertThat(view).containsEntry("handlingGroup", "city-center").containsEntry("status", "HANDLING");
		assertThat(timelineKinds(view)).containsSubsequence("ACCEPTED", "PROMISED", "PAUSED", "RESUMED", "TRANSFERRED");
		assertThat(timeline(view)).filteredOn(e -> "PAUSED".equals(e.get("kind")))
			.singleElement()
			.satisfies(e -> assertThat(e).containsEntry("actor", "clerk-t01"));
		ResponseEntity<List<Map<String, Object>>> cityTasks = rest.withBasicAuth("clerk-city", "demo")
			.exchange("/engine-rest/task?processInstanceBusinessKey=" + matterNo, HttpMethod.GET, null,
					new ParameterizedTypeReference<>() {
					});
		assertThat(cityTasks.getBody()).extracting(t -> t.get("taskDefinitionKey")).containsExactly("Task_HandleMatter");

		ResponseEntity<Map<String, Object>> paused = rest.withBasicAuth("supervisor-t01", "demo")
			.exchange("/api/paused-time?township=T01&year=2026", HttpMethod.GET, null, JSON);
		assertThat((List<Map<String, Object>>) paused.getBody().get("matters")).filteredOn(m -> matterNo.equals(m.get("matterNo")))
			.singleElement()
			.satisfies(m -> assertThat(m).containsEntry("pausedWorkingMinutes", 120).containsEntry("handlingGroup", "township-T01"));
	}

	@Test
	void shouldRefuseCallersWhoMayNotAndChangeNothing() {
		String matterNo = accept();
		Map<String, Object> before = matter("clerk-t01", matterNo);

		assertForbidden(post("clerk-t02", matterNo, "pause", "{\"reason\":\"别镇中止\"}"));
		assertForbidden(post("agent-v01-a", matterNo, "pause", "{\"reason\":\"代办员中止\"}"));
		assertForbidden(post("agent-v01-a", matterNo, "termination", "{\"reason\":\"代办员终止\"}"));
		assertForbidden(post("clerk-t02", matterNo, "termination", "{\"reason\":\"别镇终止\"}"));
		assertForbidden(post("agent-v06-a", matterNo, "urge", "{\"note\":\"别村催办\"}"));
		assertForbidden(post("clerk-t02", matterNo, "transfer", "{\"toUnit\":\"city-center\",\"reason\":\"别镇转办\"}"));
		assertForbidden(post("supervisor-t02", matterNo, "extension", "{\"workingDays\":2,\"reason\":\"别镇延期\"}"));

		assertThat(matter("clerk-t01", matterNo)).isEqualTo(before);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM matter_pause WHERE matter_no = ?").param(matterNo).query(Long.class).single())
			.isZero();
	}

	@Test
	void shouldAnswerConflictWithAReasonWhenTheStateDoesNotAllowIt() {
		String matterNo = accept();

		ResponseEntity<Map<String, Object>> resume = post("clerk-t01", matterNo, "resume", "{}");
		assertThat(resume.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) resume.getBody().get("message")).contains("未中止");

		assertThat(post("agent-v01-a", matterNo, "withdrawal", "{\"reason\":\"已自行办理\"}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> closed = matter("clerk-t01", matterNo);
		ResponseEntity<Map<String, Object>> transfer = post("clerk-t01", matterNo, "transfer",
				"{\"toUnit\":\"city-center\",\"reason\":\"转市级\"}");
		assertThat(transfer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) transfer.getBody().get("message")).contains("不在办理中");
		assertThat(post("supervisor-t01", matterNo, "termination", "{\"reason\":\"重复\"}").getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(matter("clerk-t01", matterNo)).isEqualTo(closed);
		ResponseEntity<List<Map<String, Object>>> reasons = rest.withBasicAuth("supervisor-t01", "demo")
			.exchange("/api/closing-reasons?township=T01&year=2026", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		assertThat(reasons.getBody()).extracting(r -> r.get("closingReason"))
			.containsExactly("DONE", "TRANSFERRED", "CANNOT_BE_DONE", "DUPLICATE", "WITHDRAWN", "TERMINATED");
		assertThat(reasons.getBody()).filteredOn(r -> "WITHDRAWN".equals(r.get("closingReason")))
			.singleElement()
			.satisfies(r -> assertThat((Integer) r.get("count")).isPositive());
	}

	@Test
	void shouldAnswerBadRequestNamingTheField() {
		String matterNo = accept();

		assertThat(post("clerk-t01", matterNo, "pause", "{\"reason\":\"\"}").getBody()).containsEntry("field", "reason");
		assertThat(post("clerk-t01", matterNo, "extension", "{\"workingDays\":99,\"reason\":\"太久\"}").getBody())
			.containsEntry("field", "workingDays");
		assertThat(post("clerk-t01", matterNo, "transfer", "{\"toUnit\":\"nobody\",\"reason\":\"转办\"}").getBody())
			.containsEntry("field", "toUnit");
		assertThat(post("supervisor-t01", matterNo, "termination", "{\"reason\":\"x\",\"closingReason\":\"DONE\"}").getBody())
			.containsEntry("field", "closingReason");
		assertThat(matter("clerk-t01", matterNo)).containsEntry("status", "HANDLING");
	}

	private void assertForbidden(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) response.getBody().get("message")).isNotBlank();
	}

	private String accept() {
		ResponseEntity<Map<String, Object>> accepted = rest.withBasicAuth("agent-v01-a", "demo")
			.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>(TOWNSHIP_MATTER, jsonHeaders()), JSON);
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) accepted.getBody().get("matterNo");
	}

	private ResponseEntity<Map<String, Object>> post(String user, String matterNo, String operation, String body) {
		return rest.withBasicAuth(user, "demo")
			.exchange("/api/matters/" + matterNo + "/" + operation, HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()),
					JSON);
	}

	private Map<String, Object> matter(String user, String matterNo) {
		ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, "demo")
			.exchange("/api/matters/" + matterNo, HttpMethod.GET, null, JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> timeline(Map<String, Object> view) {
		return (List<Map<String, Object>>) view.get("timeline");
	}

	private static List<Object> timelineKinds(Map<String, Object> view) {
		return timeline(view).stream().map(e -> e.get("kind")).toList();
	}

	private static HttpHeaders jsonHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
