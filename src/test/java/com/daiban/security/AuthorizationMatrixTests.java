package com.daiban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListReason;
import com.daiban.negativelist.NegativeMark;
import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every demo role against every domain endpoint and the engine REST endpoints for tasks, process instances, history,
 * deployments and the writes of a matter's own variables. Expected answers are written out per role; the printed matrix is what a reviewer reads.
 */
@DaibanSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MatterIntake intake;

	@Autowired
	NegativeList negativeList;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	private AcceptedMatter townshipV01;

	private AcceptedMatter cityV01;

	private AcceptedMatter townshipV06;

	private final Map<String, Map<String, String>> matrix = new LinkedHashMap<>();

	@BeforeAll
	void mattersOfTwoTowns() {
		townshipV01 = accept("agent-v01-a", "V01", "MZ-001");
		cityV01 = accept("agent-v01-a", "V01", "LB-004");
		townshipV06 = accept("agent-v06-a", "V06", "MZ-001");
		for (AcceptedMatter matter : List.of(townshipV01, townshipV06)) {
			String village = matter == townshipV01 ? "V01" : "V06";
			String township = matter == townshipV01 ? "T01" : "T02";
			negativeList.mark(new NegativeMark("matrix:" + matter.matterNo(), matter.matterNo(), NegativeListReason.OVERDUE, "NORMAL",
					"township-" + township, "township-" + township, null, village, township, "矩阵测试"));
		}
	}

	static Stream<Arguments> roles() {
		// role, sees V01 township matter, sees V01 city matter, sees V06 matter, may accept for V01, may deploy
		return Stream.of(Arguments.of("agent-v01-a", true, true, false, true, false),
				Arguments.of("agent-v01-b", true, true, false, true, false),
				Arguments.of("agent-v06-a", false, false, true, false, false),
				Arguments.of("clerk-t01", true, true, false, false, false),
				Arguments.of("clerk-t02", false, false, true, false, false),
				Arguments.of("clerk-city", false, true, false, false, false),
				Arguments.of("supervisor-t01", true, true, false, false, false),
				Arguments.of("supervisor-t02", false, false, true, false, false),
				Arguments.of("analyst", false, false, false, false, true),
				Arguments.of("admin", true, true, true, true, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("roles")
	void shouldGiveEachRoleExactlyItsVillageTownshipOrUnit(String user, boolean seesV01, boolean seesCity, boolean seesV06,
			boolean acceptsV01, boolean deploys) {
		Map<String, String> row = new LinkedHashMap<>();
		matrix.put(user, row);

		row.put("GET /api/matters V01", expect(get(user, "/api/matters/" + townshipV01.matterNo()), seesV01 ? 200 : 404));
		row.put("GET /api/matters V01 city", expect(get(user, "/api/matters/" + cityV01.matterNo()), seesCity ? 200 : 404));
		row.put("GET /api/matters V06", expect(get(user, "/api/matters/" + townshipV06.matterNo()), seesV06 ? 200 : 404));
		row.put("POST /api/matters V01", expect(acceptAs(user), acceptsV01 ? 201 : 403));
		row.put("GET /api/service-items", expect(get(user, "/api/service-items"), 200));

		String year = String.valueOf(java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue());
		String list = get(user, "/api/negative-list?year=" + year).getBody();
		row.put("negative list V01", check(list.contains(townshipV01.matterNo()) == seesV01, seesV01 ? "listed" : "hidden"));
		row.put("negative list V06", check(list.contains(townshipV06.matterNo()) == seesV06, seesV06 ? "listed" : "hidden"));

		row.put("engine process-instance V01",
				check(count(user, "/engine-rest/process-instance/count?businessKey=" + townshipV01.matterNo()) == (seesV01 ? 1 : 0),
						seesV01 ? "1" : "0"));
		row.put("engine process-instance V06",
				check(count(user, "/engine-rest/process-instance/count?businessKey=" + townshipV06.matterNo()) == (seesV06 ? 1 : 0),
						seesV06 ? "1" : "0"));
		row.put("engine history V01",
				check(count(user, "/engine-rest/history/process-instance/count?processInstanceId="
						+ townshipV01.processInstanceId()) == (seesV01 ? 1 : 0), seesV01 ? "1" : "0"));
		boolean handlesV01 = user.equals("clerk-t01") || user.equals("admin");
		row.put("engine task V01 handling",
				check(count(user, "/engine-rest/task/count?processInstanceId=" + townshipV01.processInstanceId()) == (handlesV01 ? 1 : 0),
						handlesV01 ? "1" : "0"));
		boolean handlesCity = user.equals("clerk-city") || user.equals("admin");
		row.put("engine task V01 city handling",
				check(count(user, "/engine-rest/task/count?processInstanceId=" + cityV01.processInstanceId()) == (handlesCity ? 1 : 0),
						handlesCity ? "1" : "0"));
		row.put("engine deployment create", expect(deploy(user), deploys ? 200 : 403));

		// Writes of the process's own variables: the handling clerk is refused by the variable guard (400), everyone
		// else already by the engine's authorizations (403); the administrator's write is accepted and recorded.
		String handling = handlingTask(townshipV01);
		boolean admin = user.equals("admin");
		row.put("complete V01 handling + matterNo", admin ? "-" : expect(postJson(user, "/engine-rest/task/" + handling
				+ "/complete", "{\"variables\":{\"outcome\":{\"value\":\"DONE\"},\"reply\":{\"value\":\"x\"},"
				+ "\"matterNo\":{\"value\":\"" + townshipV06.matterNo() + "\"}}}"), handlesV01 ? 400 : 403));
		row.put("task V01 handling variables", expect(postJson(user, "/engine-rest/task/" + handling + "/variables",
				"{\"modifications\":{\"handlingGroup\":{\"value\":\"township-T01\"}}}"),
				admin ? 204 : handlesV01 ? 400 : 403));
		row.put("process-instance V01 matterNo", expect(putJson(user, "/engine-rest/process-instance/"
				+ townshipV01.processInstanceId() + "/variables/matterNo", "{\"value\":\"" + townshipV01.matterNo() + "\"}"),
				admin ? 204 : 403));
		row.put("start proxy-matter + handlingGroup", admin ? "-" : expect(postJson(user,
				"/engine-rest/process-definition/key/proxy-matter/start", "{\"variables\":{\"villageCode\":{\"value\":\"V01\"},"
						+ "\"serviceItemCode\":{\"value\":\"MZ-001\"},\"channel\":{\"value\":\"OFFICE\"},"
						+ "\"residentName\":{\"value\":\"矩阵\"},\"residentPhone\":{\"value\":\"13900005555\"},"
						+ "\"description\":{\"value\":\"矩阵\"},\"handlingGroup\":{\"value\":\"village-V01\"}}}"),
				// every village agent may start matters: the guard refuses the process's own variable before the
				// village is checked; anyone else lacks the start permission
				user.startsWith("agent-") ? 400 : 403));

		assertThat(row.values()).as("%s: %s", user, row).allMatch(cell -> !cell.startsWith("WRONG"));
	}

	@ParameterizedTest(name = "anonymous {0}")
	@MethodSource("anonymousPaths")
	void shouldRefuseAnonymousCallers(String path) {
		ResponseEntity<String> response = rest.getForEntity(path, String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
	}

	static Stream<String> anonymousPaths() {
		return Stream.of("/api/matters/T01-20260101-0001", "/api/service-items", "/api/negative-list?year=2026",
				"/api/reports/negative-list?year=2026", "/engine-rest/task", "/engine-rest/process-instance",
				"/engine-rest/history/process-instance", "/engine-rest/deployment", "/engine-rest/process-definition");
	}

	@AfterAll
	void printMatrix() {
		System.out.println("[authorization matrix]");
		matrix.forEach((user, row) -> System.out.println("  " + user + " " + row));
	}

	private AcceptedMatter accept(String user, String village, String item) {
		Caller caller = new Caller(user, List.of("village-" + village));
		identityService.setAuthentication(user, caller.groupIds());
		try {
			return intake.accept(new MatterDraft(village, item, Channel.OFFICE, "测试", "13900004444", "矩阵", user), caller);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private ResponseEntity<String> get(String user, String path) {
		return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
	}

	private long count(String user, String path) {
		ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").getForEntity(path, Map.class);
		assertThat(response.getStatusCode().value()).as("%s %s", user, path).isEqualTo(200);
		return ((Number) response.getBody().get("count")).longValue();
	}

	private ResponseEntity<String> acceptAs(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, "demo");
		return rest.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>("""
				{"villageCode":"V01","serviceItemCode":"MZ-004","channel":"PHONE",
				 "resident":{"name":"矩阵","phone":"13900005555"},"description":"授权矩阵"}""", headers), String.class);
	}

	private String handlingTask(AcceptedMatter matter) {
		return taskService.createTaskQuery().processInstanceId(matter.processInstanceId()).singleResult().getId();
	}

	private ResponseEntity<String> postJson(String user, String path, String body) {
		return json(user, HttpMethod.POST, path, body);
	}

	private ResponseEntity<String> putJson(String user, String path, String body) {
		return json(user, HttpMethod.PUT, path, body);
	}

	private ResponseEntity<String> json(String user, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, "demo");
		return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	private ResponseEntity<String> deploy(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setBasicAuth(user, "demo");
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("deployment-name", "matrix-" + user);
		body.add("data", new ByteArrayResource(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions "
				+ "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
				+ "id=\"d\" targetNamespace=\"t\"><bpmn:process id=\"matrix-probe\" isExecutable=\"false\" "
				+ "camunda:historyTimeToLive=\"P1D\" /></bpmn:definitions>").getBytes()) {
			@Override
			public String getFilename() {
				return "matrix-probe.bpmn";
			}
		});
		return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	private static String expect(ResponseEntity<String> response, int expected) {
		int actual = response.getStatusCode().value();
		return actual == expected ? String.valueOf(actual) : "WRONG " + actual + " (expected " + expected + ")";
	}

	private static String check(boolean ok, String expected) {
		return ok ? expected : "WRONG (expected " + expected + ")";
	}

}
