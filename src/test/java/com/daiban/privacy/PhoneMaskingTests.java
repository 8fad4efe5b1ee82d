package com.daiban.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.MatterIntake;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ResidentMatters;
import com.daiban.support.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The resident's phone as the webapps show the engine's variables: masked for the supervision office only. */
@DaibanSpringBootTest
class PhoneMaskingTests {

	private static final String ENGINE = "/camunda/api/engine/engine/default";

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MatterIntake intake;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Test
	void shouldMaskThePhoneForTheSupervisionOfficeAndShowItToTheUnitThatCallsBack() {
		AcceptedMatter matter = new ResidentMatters(intake, identityService, taskService).accepted("赵兰", "13800003456");
		String variables = ENGINE + "/variable-instance?variableName=residentPhone&processInstanceIdIn="
				+ matter.processInstanceId();
		String history = ENGINE + "/history/variable-instance?variableName=residentPhone&processInstanceId="
				+ matter.processInstanceId();
		String byName = ENGINE + "/process-instance/" + matter.processInstanceId() + "/variables";

		HttpHeaders supervisor = WebappLogin.as(rest, "cockpit", "supervisor-t01");
		assertThat(values(variables, supervisor)).containsExactly("138****3456");
		assertThat(values(history, supervisor)).containsExactly("138****3456");
		ResponseEntity<Map<String, Map<String, Object>>> map = rest.exchange(byName, HttpMethod.GET,
				new HttpEntity<>(supervisor), new ParameterizedTypeReference<>() {
				});
		assertThat(map.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(map.getBody().get("residentPhone")).containsEntry("value", "138****3456");
		assertThat(map.getBody().get("residentName")).containsEntry("value", "赵兰");

		HttpHeaders clerk = WebappLogin.as(rest, "tasklist", "clerk-t01");
		assertThat(values(variables, clerk)).containsExactly("13800003456");
	}

	private List<Object> values(String path, HttpHeaders login) {
		ResponseEntity<List<Map<String, Object>>> answer = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(login),
				LIST);
		assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return answer.getBody().stream().map(v -> v.get("value")).toList();
	}

}
