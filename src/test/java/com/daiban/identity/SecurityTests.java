package com.daiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The HTTP surface as an attacker and as each kind of user meets it. */
@DaibanSpringBootTest
class SecurityTests {

	private static final String SETUP = "/camunda/api/admin/setup/default/user/create";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Test
	void shouldRequireCredentialsForTheEngineRestApi() {
		assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/engine-rest/process-definition", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		// A wrong password locks its user for a few seconds: probe with a user no other check in this class logs in as.
		assertThat(rest.withBasicAuth("agent-v05-b", "wrong-password").getForEntity("/engine-rest/task", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldRefuseTaskQueriesCarryingExpressions() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> response = rest.withBasicAuth("agent-v01-a", "demo")
			.exchange("/engine-rest/task", HttpMethod.POST,
					new HttpEntity<>("{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}", headers),
					String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rest.withBasicAuth("agent-v01-a", "demo")
			.getForEntity("/engine-rest/task?assigneeExpression={expression}", String.class, "${currentUser()}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rest.withBasicAuth("agent-v01-a", "demo")
			.exchange("/engine-rest/task", HttpMethod.POST, new HttpEntity<>("{\"candidateGroup\":\"village-V01\"}", headers),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldKeepTheAdminSetupEndpointClosedEvenWithoutDirectAdminMember() {
		identityService.deleteMembership("admin", "camunda-admin");
		try {
			assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isZero();
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},\"credentials\":{\"password\":\"intruder1\"}}";

			ResponseEntity<String> response = rest.exchange(SETUP, HttpMethod.POST, new HttpEntity<>(body, headers),
					String.class);

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
		}
		finally {
			identityService.createMembership("admin", "camunda-admin");
		}
	}

	@Test
	void shouldLetAgentsIntoTasklistButNotCockpit() {
		assertThat(login("agent-v01-a", "tasklist")).isEqualTo(HttpStatus.OK);
		assertThat(login("agent-v01-a", "cockpit").is4xxClientError()).isTrue();
		assertThat(login("agent-v01-a", "admin").is4xxClientError()).isTrue();
		assertThat(login("clerk-t01", "tasklist")).isEqualTo(HttpStatus.OK);
		assertThat(login("clerk-t01", "cockpit").is4xxClientError()).isTrue();
		assertThat(login("supervisor-t01", "tasklist")).isEqualTo(HttpStatus.OK);
		assertThat(login("supervisor-t01", "cockpit")).isEqualTo(HttpStatus.OK);
		assertThat(login("analyst", "cockpit")).isEqualTo(HttpStatus.OK);
		assertThat(login("analyst", "tasklist").is4xxClientError()).isTrue();
		assertThat(login("admin", "admin")).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldServeTasklistAndHealthWithTheEngine() {
		assertThat(rest.getForEntity("/camunda/app/tasklist/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		// The job executor's health is checked where it runs: PostgresEndToEndTests.
		assertThat(health.getBody()).contains("\"processEngine\"");
		assertThat(rest.getForEntity("/actuator/prometheus", String.class).getBody()).contains("jvm_memory_used_bytes");
	}

	@Test
	void shouldIssueHttpOnlySessionCookies() {
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/", String.class);
		List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
		assertThat(cookies).isNotEmpty().anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID").contains("HttpOnly"));
	}

	/** Logs in like the webapp's login page does: fetch a page for the CSRF token and session, then post the form. */
	private HttpStatus login(String user, String app) {
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/", String.class);
		String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.set("X-XSRF-TOKEN", token);
		page.getHeaders()
			.getOrEmpty(HttpHeaders.SET_COOKIE)
			.forEach(cookie -> headers.add(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';'))));
		var form = new LinkedMultiValueMap<String, String>();
		form.add("username", user);
		form.add("password", "demo");
		return HttpStatus.valueOf(rest
			.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST, new HttpEntity<>(form, headers),
					String.class)
			.getStatusCode()
			.value());
	}

}
