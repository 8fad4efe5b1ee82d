package com.daiban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.daiban.engine.FormFields.Field;
import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every start form and every user task form deployed, whatever process it belongs to, filled with hostile values and
 * submitted through the engine REST API as Tasklist does, by a person allowed to submit it: an oversized text, a value
 * of the wrong type, markup, a choice the form does not offer, a field the form does not have, a display field
 * changed. Each answer is a 4xx naming the field in Chinese, and nothing is changed.
 */
@DaibanSpringBootTest
class HostileFormInputTests {

	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	JdbcClient jdbc;

	@TestFactory
	Stream<DynamicTest> shouldRefuseHostileValuesInEveryDeployedForm() {
		List<DynamicTest> tests = new ArrayList<>();
		List<String> forms = new ArrayList<>();
		for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				FormFields form = form(definition, start.getCamundaFormRef());
				if (form != null && start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process) {
					forms.add(definition.getKey() + " " + start.getId());
					String user = starter(definition);
					for (Hostile hostile : hostileValues(form)) {
						tests.add(DynamicTest.dynamicTest(definition.getKey() + " start form: " + hostile.description(),
								() -> submitStart(definition, user, hostile)));
					}
				}
			}
			for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
				FormFields form = form(definition, userTask.getCamundaFormRef());
				assertThat(form).as("form of %s %s", definition.getKey(), userTask.getId()).isNotNull();
				forms.add(definition.getKey() + " " + userTask.getId());
				for (Hostile hostile : hostileValues(form)) {
					tests.add(DynamicTest.dynamicTest(definition.getKey() + " " + userTask.getId() + ": " + hostile.description(),
							() -> submitTask(definition, userTask.getId(), form, hostile)));
				}
			}
		}
		assertThat(forms).as("forms walked").contains("proxy-matter StartEvent_MatterAccepted",
				"proxy-matter Task_HandleMatter", "complaint StartEvent_ComplaintFiled", "complaint Task_VerifyComplaint",
				"monthly-inspection Task_ReviewNegativeList");
		return tests.stream();
	}

	private void submitStart(ProcessDefinition definition, String user, Hostile hostile) {
		Map<String, Long> before = counts();

		ResponseEntity<Map> response = post(user, "/engine-rest/process-definition/" + definition.getId() + "/submit-form",
				hostile.body());

		assertRefused(response, hostile);
		assertThat(counts()).as("nothing changed").isEqualTo(before);
	}

	private void submitTask(ProcessDefinition definition, String activityId, FormFields form, Hostile hostile) {
		Map<String, Object> variables = sampleVariables(form);
		String instance = runtimeService.createProcessInstanceById(definition.getId())
			.startBeforeActivity(activityId)
			.setVariables(variables)
			.execute()
			.getId();
		Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activityId).singleResult();
		Map<String, Object> before = runtimeService.getVariables(instance);

		ResponseEntity<Map> response = post(candidate(task), "/engine-rest/task/" + task.getId() + "/submit-form",
				hostile.body());

		assertRefused(response, hostile);
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
		assertThat(runtimeService.getVariables(instance)).as("variables unchanged").isEqualTo(before);
		runtimeService.deleteProcessInstance(instance, "hostile form input test", true, true);
	}

	private static void assertRefused(ResponseEntity<Map> response, Hostile hostile) {
		assertThat(response.getStatusCode().is4xxClientError()).as("%s → %s %s", hostile.description(),
				response.getStatusCode(), response.getBody()).isTrue();
		String message = (String) response.getBody().get("message");
		assertThat(message).as("message").contains(hostile.field()).containsPattern("\\p{IsHan}");
		assertThat(response.getBody().get("field")).isEqualTo(hostile.field());
	}

	record Hostile(String description, String field, String body) {
	}

	private static List<Hostile> hostileValues(FormFields form) {
		List<Hostile> hostile = new ArrayList<>();
		hostile.add(one("unknown field", "zzNotOnTheForm", "{\"value\":\"x\"}"));
		for (Field field : form.all()) {
			if (!field.editable()) {
				hostile.add(one(field.key() + " display field changed", field.key(), "{\"value\":\"篡改\"}"));
				continue;
			}
			switch (field.type()) {
				case "number" -> hostile.add(one(field.key() + " text in a number", field.key(), "{\"value\":\"abc\"}"));
				case "checkbox" -> hostile.add(one(field.key() + " text in a checkbox", field.key(), "{\"value\":\"abc\"}"));
				default -> {
					hostile.add(one(field.key() + " number for text", field.key(), "{\"value\":12345,\"type\":\"Integer\"}"));
					hostile.add(one(field.key() + " script", field.key(), "{\"value\":\"<script>alert(1)</script>\"}"));
					hostile.add(one(field.key() + " expression", field.key(), "{\"value\":\"${execution.processEngine}\"}"));
					int limit = field.maxLength() == null ? FormFields.TEXT_LIMIT : field.maxLength();
					hostile.add(one(field.key() + " oversized", field.key(), "{\"value\":\"" + "长".repeat(limit + 1) + "\"}"));
				}
			}
		}
		return hostile;
	}

	private static Hostile one(String description, String field, String value) {
		return new Hostile(description, field, "{\"variables\":{\"" + field + "\":" + value + "}}");
	}

	/** What the steps before a task would have set: enough for its candidate group, due date and display fields. */
	private static Map<String, Object> sampleVariables(FormFields form) {
		Map<String, Object> variables = new HashMap<>();
		for (Field field : form.all()) {
			variables.put(field.key(), "示例");
		}
		variables.putAll(Map.of("villageCode", "V01", "townshipCode", "T01", "handlingGroup", "township-T01", "matterNo",
				"T01-20260101-0001", "complaintNo", "TS-T01-20260101-0001", "escalationGroup", "supervision-T01"));
		Date due = new Date(System.currentTimeMillis() + 86_400_000L);
		for (String date : List.of("dueAt", "remindAt", "verificationDueAt", "rectificationDueAt", "extensionDecisionDue")) {
			variables.put(date, due);
		}
		return variables;
	}

	private FormFields form(ProcessDefinition definition, String formRef) {
		if (formRef == null) {
			return null;
		}
		for (String name : repositoryService.getDeploymentResourceNames(definition.getDeploymentId())) {
			if (name.endsWith(".form")) {
				try (var in = repositoryService.getResourceAsStream(definition.getDeploymentId(), name)) {
					byte[] bytes = in.readAllBytes();
					if (formRef.equals(JSON.readTree(bytes).path("id").asText())) {
						return FormFields.parse(bytes);
					}
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}
		}
		throw new AssertionError("form " + formRef + " is not deployed with " + definition.getKey());
	}

	/** A person (not an administrator, who is never refused) allowed to start the process. */
	private String starter(ProcessDefinition definition) {
		for (User user : identityService.createUserQuery().orderByUserId().asc().list()) {
			List<String> groups = identityService.createGroupQuery().groupMember(user.getId()).list().stream()
				.map(Group::getId).toList();
			if (groups.contains("camunda-admin")) {
				continue;
			}
			if (authorizationService.isUserAuthorized(user.getId(), groups, ProcessDefinitionPermissions.CREATE_INSTANCE,
					Resources.PROCESS_DEFINITION, definition.getKey())
					&& authorizationService.isUserAuthorized(user.getId(), groups, Permissions.CREATE,
							Resources.PROCESS_INSTANCE)) {
				return user.getId();
			}
		}
		throw new AssertionError("nobody may start " + definition.getKey());
	}

	private String candidate(Task task) {
		for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
			if (link.getGroupId() != null) {
				User user = identityService.createUserQuery().memberOfGroup(link.getGroupId()).orderByUserId().asc()
					.listPage(0, 1).stream().findFirst().orElse(null);
				if (user != null) {
					return user.getId();
				}
			}
		}
		throw new AssertionError("no candidate for " + task.getTaskDefinitionKey());
	}

	private Map<String, Long> counts() {
		Supplier<Map<String, Long>> read = () -> Map.of("instances", count("SELECT COUNT(*) FROM ACT_HI_PROCINST"),
				"matters", count("SELECT COUNT(*) FROM matter"), "complaints", count("SELECT COUNT(*) FROM complaint"),
				"variables", count("SELECT COUNT(*) FROM ACT_RU_VARIABLE"));
		return read.get();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private ResponseEntity<Map> post(String user, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, "demo");
		return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
	}

}
