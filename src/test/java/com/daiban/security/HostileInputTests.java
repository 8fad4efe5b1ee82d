package com.daiban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed and hostile requests against the domain API and the start and task forms (through the engine REST API
 * that Tasklist uses). Each must be answered 4xx with a message, never 5xx, and must change nothing.
 */
@DaibanSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	private static final String VALID = """
			{"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE",
			 "resident":{"name":"张三","phone":"13812345678"},"description":"申请低保"}""";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MatterIntake intake;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcClient jdbc;

	private String matterNo;

	private String handlingTask;

	private String signOffTask;

	@BeforeAll
	void twoMattersWaitingForHandlingAndSignOff() {
		Caller agent = new Caller("agent-v01-a", List.of("village-V01"));
		identityService.setAuthentication(agent.userId(), agent.groupIds());
		AcceptedMatter first;
		AcceptedMatter second;
		try {
			first = intake.accept(new MatterDraft("V01", "MZ-001", Channel.OFFICE, "张三", "13812345678", "低保", "agent-v01-a"), agent);
			second = intake.accept(new MatterDraft("V01", "MZ-002", Channel.HOME, "李四", "13812345679", "特困", "agent-v01-a"), agent);
		}
		finally {
			identityService.clearAuthentication();
		}
		matterNo = first.matterNo();
		handlingTask = taskOf(first.processInstanceId()).getId();
		Task secondHandling = taskOf(second.processInstanceId());
		taskService.complete(secondHandling.getId(), Map.of("outcome", "DONE", "reply", "已办结"));
		signOffTask = taskOf(second.processInstanceId()).getId();
	}

	Stream<Arguments> hostileRequests() {
		String big = "{\"villageCode\":\"V01\",\"description\":\"" + "x".repeat(1_100_000) + "\"}";
		List<HostileRequest> cases = new ArrayList<>(List.of(
				api("empty body", "POST", "/api/matters", ""),
				api("JSON null", "POST", "/api/matters", "null"),
				api("JSON array", "POST", "/api/matters", "[]"),
				api("malformed JSON", "POST", "/api/matters", "{\"villageCode\": \"V01\","),
				api("trailing garbage", "POST", "/api/matters", VALID + " {}"),
				api("huge body", "POST", "/api/matters", big),
				api("SQL in village code", "POST", "/api/matters", VALID.replace("\"V01\"", "\"V01' OR '1'='1\"")),
				api("SQL in item code", "POST", "/api/matters", VALID.replace("MZ-001", "MZ-001'; DROP TABLE matter;--")),
				api("unknown village", "POST", "/api/matters", VALID.replace("\"V01\"", "\"V77\"")),
				api("unknown item", "POST", "/api/matters", VALID.replace("MZ-001", "ZZ-404")),
				api("HTML in name", "POST", "/api/matters", VALID.replace("张三", "<img src=x onerror=alert(1)>")),
				api("script in description", "POST", "/api/matters", VALID.replace("申请低保", "<script>alert(1)</script>")),
				api("EL expression in description", "POST", "/api/matters", VALID.replace("申请低保", "${execution.processEngine}")),
				api("SpEL expression in name", "POST", "/api/matters", VALID.replace("张三", "#{T(java.lang.Runtime)}")),
				api("oversize description", "POST", "/api/matters", VALID.replace("申请低保", "长".repeat(2001))),
				api("oversize name", "POST", "/api/matters", VALID.replace("张三", "名".repeat(65))),
				api("phone as number", "POST", "/api/matters", VALID.replace("\"13812345678\"", "13812345678")),
				api("phone with letters", "POST", "/api/matters", VALID.replace("13812345678", "1381234567a")),
				api("channel as index", "POST", "/api/matters", VALID.replace("\"OFFICE\"", "0")),
				api("unknown channel", "POST", "/api/matters", VALID.replace("OFFICE", "EMAIL")),
				api("resident as text", "POST", "/api/matters", VALID.replace("{\"name\":\"张三\",\"phone\":\"13812345678\"}", "\"张三\"")),
				api("unknown field", "POST", "/api/matters", VALID.replace("\"channel\"", "\"isAdmin\":true,\"channel\"")),
				api("control characters", "POST", "/api/matters", VALID.replace("申请低保", "申请\\u0000低保")),
				api("text/plain body", "POST", "/api/matters", "villageCode=V01").contentType(MediaType.TEXT_PLAIN),
				api("other village", "POST", "/api/matters", VALID.replace("\"V01\"", "\"V06\"")),
				api("SQL in matter number", "GET", "/api/matters/T01' OR '1'='1", null),
				api("year not a number", "GET", "/api/negative-list?year=2026;DROP", null),
				api("township with SQL", "GET", "/api/negative-list?year=2026&township=T01'--", null),
				api("missing year", "GET", "/api/negative-list", null),
				api("expression as withdrawal reason", "POST", "/api/matters/{matter}/withdrawal", "{\"reason\":\"${1+1}\"}"),
				api("withdraw unknown matter", "POST", "/api/matters/T01-19990101-9999/withdrawal", "{\"reason\":\"x\"}"),
				engine("start form: unknown village", "POST", "/engine-rest/process-definition/key/proxy-matter/start",
						startForm("V99", "MZ-001", "\"13812345678\"", "申请低保")),
				engine("start form: expression in description", "POST",
						"/engine-rest/process-definition/key/proxy-matter/start",
						startForm("V01", "MZ-001", "\"13812345678\"", "${execution.getProcessEngineServices()}")),
				engine("start form: phone as integer", "POST", "/engine-rest/process-definition/key/proxy-matter/start",
						startForm("V01", "MZ-001", "13812345678, \"type\": \"Long\"", "申请低保")),
				engine("start form: other village", "POST", "/engine-rest/process-definition/key/proxy-matter/start",
						startForm("V06", "MZ-001", "\"13812345678\"", "申请低保")),
				engine("task form: unknown outcome", "POST", "/engine-rest/task/{handling}/complete",
						variables("\"outcome\":{\"value\":\"APPROVED_BY_HACKER\"},\"reply\":{\"value\":\"x\"}")),
				engine("task form: script in reply", "POST", "/engine-rest/task/{handling}/submit-form",
						variables("\"outcome\":{\"value\":\"DONE\"},\"reply\":{\"value\":\"<script>x</script>\"}")),
				engine("task form: outcome as integer", "POST", "/engine-rest/task/{handling}/complete",
						variables("\"outcome\":{\"value\":1,\"type\":\"Integer\"},\"reply\":{\"value\":\"x\"}")),
				engine("task form: oversize reply", "POST", "/engine-rest/task/{handling}/complete",
						variables("\"outcome\":{\"value\":\"DONE\"},\"reply\":{\"value\":\"" + "长".repeat(501) + "\"}")),
				engine("sign-off form: rating out of range", "POST", "/engine-rest/task/{signoff}/complete",
						variables("\"residentConfirmed\":{\"value\":\"true\"},\"rating\":{\"value\":\"9\"}")),
				engine("sign-off form: expression in note", "POST", "/engine-rest/task/{signoff}/complete",
						variables("\"residentConfirmed\":{\"value\":\"true\"},\"rating\":{\"value\":\"5\"},\"signOffNote\":{\"value\":\"#{x}\"}")),
				engine("task query with expression", "POST", "/engine-rest/task",
						"{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}")));
		return cases.stream().map(request -> Arguments.of(request.name(), request));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileRequests")
	void shouldAnswerClientErrorWithAMessageAndChangeNothing(String name, HostileRequest request) {
		Map<String, Long> before = state();

		ResponseEntity<String> response = request.send(rest, matterNo, handlingTask, signOffTask);

		assertThat(response.getStatusCode().is4xxClientError())
			.as("%s → %s %s", name, response.getStatusCode(), response.getBody())
			.isTrue();
		assertThat(response.getBody()).as(name).isNotBlank();
		assertThat(state()).as(name).isEqualTo(before);
	}

	private Map<String, Long> state() {
		return Map.of("matters", count("SELECT COUNT(*) FROM matter"),
				"withdrawn", count("SELECT COUNT(*) FROM matter WHERE status = 'WITHDRAWN'"),
				"events", count("SELECT COUNT(*) FROM matter_event"),
				"instances", count("SELECT COUNT(*) FROM ACT_HI_PROCINST"),
				"openTasks", count("SELECT COUNT(*) FROM ACT_RU_TASK"),
				"variables", count("SELECT COUNT(*) FROM ACT_RU_VARIABLE"),
				"negativeList", count("SELECT COUNT(*) FROM negative_list_entry"));
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private Task taskOf(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	private static String startForm(String village, String item, String phoneJson, String description) {
		return variables(("\"villageCode\":{\"value\":\"%s\"},\"serviceItemCode\":{\"value\":\"%s\"},"
				+ "\"channel\":{\"value\":\"OFFICE\"},\"residentName\":{\"value\":\"张三\"},"
				+ "\"residentPhone\":{\"value\":%s},\"description\":{\"value\":\"%s\"}")
			.formatted(village, item, phoneJson, description));
	}

	private static String variables(String body) {
		return "{\"variables\":{" + body + "}}";
	}

	private static HostileRequest api(String name, String method, String path, String body) {
		return new HostileRequest(name, method, path, body, "agent-v01-a", MediaType.APPLICATION_JSON);
	}

	private static HostileRequest engine(String name, String method, String path, String body) {
		String user = path.contains("{handling}") ? "clerk-t01" : "agent-v01-a";
		return new HostileRequest(name, method, path, body, user, MediaType.APPLICATION_JSON);
	}

	record HostileRequest(String name, String method, String path, String body, String user, MediaType type) {

		HostileRequest contentType(MediaType other) {
			return new HostileRequest(name, method, path, body, user, other);
		}

		ResponseEntity<String> send(TestRestTemplate rest, String matterNo, String handlingTask, String signOffTask) {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(type);
			headers.setBasicAuth(user, "demo");
			String url = path.replace("{matter}", matterNo).replace("{handling}", handlingTask).replace("{signoff}", signOffTask);
			return rest.exchange(java.net.URI.create(rest.getRootUri() + url.replace(" ", "%20").replace("'", "%27")),
					HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
		}

		@Override
		public String toString() {
			return name;
		}

	}

}
