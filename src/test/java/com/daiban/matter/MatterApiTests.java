package com.daiban.matter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.TestClock;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

/** The domain API of matters as an agent's client sees it: answers, errors, and that errors change nothing. */
@DaibanSpringBootTest
class MatterApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String VALID = """
			{"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE",
			 "resident":{"name":"张三","phone":"13812345678"},"description":"申请低保"}""";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldAcceptTownshipMatterWithOneWorkingDayPromise() {
		TestClock.set("2026-11-27T15:00:00+08:00");
		ResponseEntity<Map<String, Object>> response;
		try {
			response = post("agent-v01-a", VALID);
		}
		finally {
			TestClock.reset();
		}

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat((String) response.getBody().get("matterNo")).matches("T01-\\d{8}-\\d{4}");
		assertThat(response.getBody()).containsEntry("level", "TOWNSHIP");
		OffsetDateTime dueAt = OffsetDateTime.parse((String) response.getBody().get("dueAt"));
		// accepted on a Friday afternoon: due on Monday at the same time
		assertThat(dueAt.toInstant()).isEqualTo(OffsetDateTime.parse("2026-11-30T15:00:00+08:00").toInstant());
		assertThat(response.getHeaders().getLocation()).hasPath("/api/matters/" + response.getBody().get("matterNo"));
	}

	@Test
	void shouldShowMatterWithMaskedPhoneToItsVillageButNotToAnother() {
		String matterNo = (String) post("agent-v01-a", VALID).getBody().get("matterNo");

		ResponseEntity<Map<String, Object>> own = get("agent-v01-b", "/api/matters/" + matterNo);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).containsEntry("status", "HANDLING").containsEntry("overdue", false);
		assertThat(own.getBody().get("resident")).isEqualTo(Map.of("name", "张三", "phone", "138****5678"));
		assertThat((java.util.List<?>) own.getBody().get("timeline")).hasSize(2);
		assertThat(get("clerk-t01", "/api/matters/" + matterNo).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("supervisor-t01", "/api/matters/" + matterNo).getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(get("agent-v06-a", "/api/matters/" + matterNo).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get("clerk-t02", "/api/matters/" + matterNo).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get("clerk-city", "/api/matters/" + matterNo).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldRefuseAgentOfAnotherVillage() {
		long before = instances();
		ResponseEntity<Map<String, Object>> response = post("agent-v06-a", VALID);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) response.getBody().get("message")).contains("本村");
		assertThat(instances()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown village      | villageCode     | {"villageCode":"V99","serviceItemCode":"MZ-001","channel":"OFFICE","resident":{"name":"张三","phone":"13812345678"},"description":"x"}
			unknown item         | serviceItemCode | {"villageCode":"V01","serviceItemCode":"XX-999","channel":"OFFICE","resident":{"name":"张三","phone":"13812345678"},"description":"x"}
			bad phone            | resident.phone  | {"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE","resident":{"name":"张三","phone":"12345"},"description":"x"}
			missing resident     | resident        | {"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE","description":"x"}
			missing description  | description     | {"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE","resident":{"name":"张三","phone":"13812345678"}}
			blank village        | villageCode     | {"villageCode":"  ","serviceItemCode":"MZ-001","channel":"OFFICE","resident":{"name":"张三","phone":"13812345678"},"description":"x"}
			unknown channel      | channel         | {"villageCode":"V01","serviceItemCode":"MZ-001","channel":"FAX","resident":{"name":"张三","phone":"13812345678"},"description":"x"}
			wrong type           | resident        | {"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE","resident":"张三","description":"x"}
			script in name       | resident.name   | {"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE","resident":{"name":"<script>alert(1)</script>","phone":"13812345678"},"description":"x"}
			expression in text   | description     | {"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE","resident":{"name":"张三","phone":"13812345678"},"description":"${execution.getProcessEngine()}"}
			""")
	void shouldAnswerBadRequestNamingTheFieldAndCreateNothing(String name, String field, String body) {
		long before = instances();
		ResponseEntity<Map<String, Object>> response = post("agent-v01-a", body);

		assertThat(response.getStatusCode()).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("field", field);
		assertThat((String) response.getBody().get("message")).isNotBlank();
		assertThat(instances()).isEqualTo(before);
	}

	@Test
	void shouldAnswerBadRequestForOversizeTextAndMalformedJson() {
		long before = instances();
		String oversize = VALID.replace("申请低保", "很".repeat(2001));
		assertThat(post("agent-v01-a", oversize).getBody()).containsEntry("field", "description");
		ResponseEntity<Map<String, Object>> malformed = post("agent-v01-a", "{\"villageCode\": \"V01\",");
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) malformed.getBody().get("message")).contains("JSON");
		assertThat(instances()).isEqualTo(before);
	}

	@Test
	void shouldRequireAuthentication() {
		ResponseEntity<String> response = rest.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>(VALID, jsonHeaders()),
				String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldWithdrawThroughTheApi() {
		String matterNo = (String) post("agent-v01-a", VALID).getBody().get("matterNo");
		HttpHeaders headers = jsonHeaders();
		headers.setBasicAuth("agent-v01-a", "demo");

		ResponseEntity<String> refused = rest.exchange("/api/matters/" + matterNo + "/withdrawal", HttpMethod.POST,
				new HttpEntity<>("{\"reason\":\"\"}", headers), String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<String> done = rest.exchange("/api/matters/" + matterNo + "/withdrawal", HttpMethod.POST,
				new HttpEntity<>("{\"reason\":\"已自行办理\"}", headers), String.class);

		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(get("agent-v01-a", "/api/matters/" + matterNo).getBody()).containsEntry("status", "WITHDRAWN");
	}

	@Test
	void shouldListTheCatalogueWithAtLeastFortyItemsAcrossCategories() {
		ResponseEntity<java.util.List<Map<String, Object>>> response = rest.withBasicAuth("agent-v01-a", "demo")
			.exchange("/api/service-items", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		assertThat(response.getBody()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(response.getBody()).extracting(item -> item.get("categoryName"))
			.contains("民政", "劳保社保", "农医医保", "农业农村", "卫生健康");
		assertThat(response.getBody()).extracting(item -> item.get("level")).contains("VILLAGE", "TOWNSHIP", "CITY");
	}

	private long instances() {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProxyMatterProcess.KEY).count()
				+ jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
	}

	private ResponseEntity<Map<String, Object>> post(String user, String body) {
		return rest.withBasicAuth(user, "demo")
			.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>(body, jsonHeaders()), JSON);
	}

	private ResponseEntity<Map<String, Object>> get(String user, String path) {
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, JSON);
	}

	private static HttpHeaders jsonHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
