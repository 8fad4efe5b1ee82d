package com.daiban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person writes only what their task's form offers, through every engine path; the process's own variables stay as
 * its steps set them. Requests go through the engine REST API that Tasklist and Cockpit use.
 */
@DaibanSpringBootTest
class VariableWriteGuardTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MatterIntake intake;

	@Autowired
	IdentityService identityService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "extra {0}")
	@ValueSource(strings = { "matterNo", "handlingGroup", "dueAt", "villageCode", "timeLimit" })
	void shouldRefuseACompletionCarryingAVariableTheFormDoesNotOffer(String extra) {
		AcceptedMatter matter = accept();
		String task = handlingTask(matter);
		Map<String, Object> before = runtimeService.getVariables(matter.processInstanceId());
		String value = extra.equals("dueAt") ? "{\"value\":\"2030-01-01T00:00:00.000+0800\",\"type\":\"Date\"}"
				: "{\"value\":\"T01-20990101-0001\"}";

		ResponseEntity<Map> response = post("clerk-t01", "/engine-rest/task/" + task + "/complete",
				"{\"variables\":{\"outcome\":{\"value\":\"DONE\"},\"reply\":{\"value\":\"已办结\"},\"" + extra + "\":"
						+ value + "}}");

		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
		assertThat((String) response.getBody().get("message")).contains(extra).containsPattern("\\p{IsHan}");
		assertThat(response.getBody().get("field")).isEqualTo(extra);
		assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
		assertThat(runtimeService.getVariables(matter.processInstanceId())).isEqualTo(before);
		assertThat(status(matter)).isEqualTo("HANDLING");
	}

	@Test
	void shouldCompleteWithWhatTasklistSendsTheFormsDisplayFieldsUnchanged() {
		AcceptedMatter matter = accept();
		String task = handlingTask(matter);
		Map<String, Object> shown = runtimeService.getVariables(matter.processInstanceId());

		ResponseEntity<Map> response = post("clerk-t01", "/engine-rest/task/" + task + "/submit-form",
				"{\"variables\":{\"matterNo\":{\"value\":\"" + shown.get("matterNo") + "\"},\"serviceItemName\":{\"value\":\""
						+ shown.get("serviceItemName") + "\"},\"residentName\":{\"value\":\"" + shown.get("residentName")
						+ "\"},\"description\":{\"value\":\"" + shown.get("description") + "\"},\"outcome\":{\"value\":\"DONE\"},\"reply\":{\"value\":\"已办结\"}}}");

		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(204);
		assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
		assertThat(runtimeService.getVariable(matter.processInstanceId(), "outcome")).isEqualTo("DONE");
	}

	@Test
	void shouldRefuseADisplayFieldSentBackChanged() {
		AcceptedMatter matter = accept();
		String task = handlingTask(matter);

		ResponseEntity<Map> response = post("clerk-t01", "/engine-rest/task/" + task + "/submit-form",
				"{\"variables\":{\"residentName\":{\"value\":\"别人\"},\"outcome\":{\"value\":\"DONE\"},"
						+ "\"reply\":{\"value\":\"已办结\"}}}");

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat((String) response.getBody().get("message")).contains("residentName").contains("只读");
		assertThat(runtimeService.getVariable(matter.processInstanceId(), "residentName")).isEqualTo("测试");
	}

	@Test
	void shouldRefuseTaskAndInstanceVariableEndpointsForStaff() {
		AcceptedMatter matter = accept();
		String task = handlingTask(matter);

		ResponseEntity<Map> taskVariables = post("clerk-t01", "/engine-rest/task/" + task + "/variables",
				"{\"modifications\":{\"handlingGroup\":{\"value\":\"city-center\"}}}");
		ResponseEntity<Map> formFieldAhead = post("clerk-t01", "/engine-rest/task/" + task + "/variables",
				"{\"modifications\":{\"reply\":{\"value\":\"先写\"}}}");
		ResponseEntity<Map> instanceVariable = send("supervisor-t01", HttpMethod.PUT,
				"/engine-rest/process-instance/" + matter.processInstanceId() + "/variables/dueAt",
				"{\"value\":\"2030-01-01T00:00:00.000+0800\",\"type\":\"Date\"}");
		ResponseEntity<Map> transientValue = post("clerk-t01", "/engine-rest/task/" + task + "/complete",
				"{\"variables\":{\"outcome\":{\"value\":\"DONE\"},\"reply\":{\"value\":\"已办结\"},"
						+ "\"category\":{\"value\":\"MZ\",\"valueInfo\":{\"transient\":true}}}}");

		assertThat(taskVariables.getStatusCode().value()).as("%s", taskVariables.getBody()).isEqualTo(400);
		assertThat((String) taskVariables.getBody().get("message")).contains("handlingGroup");
		assertThat(formFieldAhead.getStatusCode().value()).isEqualTo(400);
		assertThat(instanceVariable.getStatusCode().value()).isIn(400, 403);
		assertThat(transientValue.getStatusCode().value()).isEqualTo(400);
		assertThat(runtimeService.getVariable(matter.processInstanceId(), "handlingGroup")).isEqualTo("township-T01");
		assertThat(runtimeService.getVariable(matter.processInstanceId(), "reply")).isNull();
	}

	@Test
	void shouldLetTheAdministratorChangeAnOwnedVariableAndRecordIt() {
		AcceptedMatter matter = accept();
		long before = jdbc.sql("SELECT COUNT(*) FROM variable_override WHERE process_instance_id = ?")
			.param(matter.processInstanceId()).query(Long.class).single();

		ResponseEntity<Map> response = send("admin", HttpMethod.PUT,
				"/engine-rest/process-instance/" + matter.processInstanceId() + "/variables/handlingGroup",
				"{\"value\":\"city-center\"}");

		assertThat(response.getStatusCode().value()).isEqualTo(204);
		assertThat(runtimeService.getVariable(matter.processInstanceId(), "handlingGroup")).isEqualTo("city-center");
		Map<String, Object> audit = jdbc.sql("""
				SELECT user_id, variable_name, old_value, new_value FROM variable_override
				WHERE process_instance_id = ? ORDER BY id DESC""").param(matter.processInstanceId()).query().listOfRows().get(0);
		assertThat(audit).containsEntry("USER_ID", "admin").containsEntry("VARIABLE_NAME", "handlingGroup")
			.containsEntry("OLD_VALUE", "township-T01").containsEntry("NEW_VALUE", "city-center");
		assertThat(before).isZero();
	}

	@Test
	void shouldRefuseAStartFormCarryingAnOwnedVariable() {
		long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("proxy-matter").count();

		ResponseEntity<Map> response = post("agent-v01-a", "/engine-rest/process-definition/key/proxy-matter/submit-form",
				"{\"variables\":{\"villageCode\":{\"value\":\"V01\"},\"serviceItemCode\":{\"value\":\"MZ-001\"},"
						+ "\"channel\":{\"value\":\"OFFICE\"},\"residentName\":{\"value\":\"张三\"},"
						+ "\"residentPhone\":{\"value\":\"13812345678\"},\"description\":{\"value\":\"低保\"},"
						+ "\"handlingGroup\":{\"value\":\"village-V01\"}}}");

		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
		assertThat((String) response.getBody().get("message")).contains("handlingGroup");
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("proxy-matter").count())
			.isEqualTo(instances);
	}

	@Test
	void shouldAnswerABadComplaintStartWith400NamingTheField() {
		ResponseEntity<Map> response = post("clerk-t01", "/engine-rest/process-definition/key/complaint/start",
				"{\"variables\":{\"villageCode\":{\"value\":\"V01\"},\"matterNo\":{\"value\":\"T01-19990101-0001\"},"
						+ "\"complaintKind\":{\"value\":\"MATTER\"},\"residentName\":{\"value\":\"张三\"},"
						+ "\"residentPhone\":{\"value\":\"13812345678\"},\"content\":{\"value\":\"超时未办\"}}}");

		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
		assertThat(response.getBody().get("field")).isEqualTo("matterNo");
		assertThat((String) response.getBody().get("message")).containsPattern("\\p{IsHan}");
	}

	private AcceptedMatter accept() {
		Caller agent = new Caller("agent-v01-a", List.of("village-V01"));
		identityService.setAuthentication(agent.userId(), agent.groupIds());
		try {
			return intake.accept(new MatterDraft("V01", "MZ-001", Channel.OFFICE, "测试", "13900004444", "低保", agent.userId()),
					agent);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private String handlingTask(AcceptedMatter matter) {
		return taskService.createTaskQuery().processInstanceId(matter.processInstanceId()).taskDefinitionKey("Task_HandleMatter")
			.singleResult().getId();
	}

	private String status(AcceptedMatter matter) {
		return jdbc.sql("SELECT status FROM matter WHERE matter_no = ?").param(matter.matterNo()).query(String.class).single();
	}

	private ResponseEntity<Map> post(String user, String path, String body) {
		return send(user, HttpMethod.POST, path, body);
	}

	private ResponseEntity<Map> send(String user, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, "demo");
		return rest.exchange(path, method, new HttpEntity<>(body, headers), Map.class);
	}

}
