package com.daiban.matter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.daiban.support.DaibanSpringBootTest;
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

/**
 * What agents and clerks read around their tasks: the search by matter number or resident name, the matters in
 * progress, and the promise slip; each only within the caller's villages or township.
 */
@DaibanSpringBootTest
class MatterFollowUpTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MatterLedger ledger;

	@Autowired
	java.time.Clock clock;

	@Test
	void shouldFindMatterByResidentNameOrNumberOnlyWithinTheCallersScope() {
		String resident = uniqueName();
		String matterNo = accept("agent-v01-a", resident, "13812345678");

		List<Map<String, Object>> byName = find("clerk-t01", "/api/matters?q=" + resident.substring(0, 3));
		assertThat(byName).extracting(m -> m.get("matterNo")).containsExactly(matterNo);
		Map<String, Object> found = byName.get(0);
		assertThat(found).containsEntry("residentName", resident)
			.containsEntry("agentName", "宏杨村代办员（A岗）")
			.containsEntry("villageName", "宏杨村")
			.containsEntry("statusLabel", "办理中")
			.containsEntry("smsReachable", true)
			.containsEntry("promiseSlip", "/api/matters/" + matterNo + "/promise-slip.html");
		assertThat((String) found.get("agentPhone")).startsWith("1380000");
		assertThat((String) found.get("timeLeft")).startsWith("剩 ");
		assertThat(found.get("taskId")).as("the clerk's open handling task").isNotNull();
		assertThat(find("agent-v01-b", "/api/matters?q=" + matterNo)).extracting(m -> m.get("matterNo"))
			.containsExactly(matterNo);
		assertThat(find("agent-v01-b", "/api/matters?open=true")).extracting(m -> m.get("matterNo")).contains(matterNo);

		assertThat(find("clerk-t02", "/api/matters?q=" + resident)).isEmpty();
		assertThat(find("agent-v06-a", "/api/matters?q=" + matterNo)).isEmpty();
		assertThat(find("agent-v06-a", "/api/matters?open=true")).extracting(m -> m.get("matterNo"))
			.doesNotContain(matterNo);
	}

	@Test
	void shouldPrintThePromiseSlipForTheMattersVillageOnly() {
		String matterNo = accept("agent-v01-a", uniqueName(), "13812345678");
		MatterRecord matter = ledger.find(matterNo).orElseThrow();

		ResponseEntity<String> slip = rest.withBasicAuth("agent-v01-b", "demo")
			.getForEntity("/api/matters/" + matterNo + "/promise-slip.html", String.class);
		assertThat(slip.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(slip.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		String due = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(matter.dueAt().atZoneSameInstant(clock.getZone()));
		assertThat(slip.getBody()).contains("限时办结承诺单", "代办事项服务登记表", matterNo, due, "委托人签字", "代办员签字",
				"监督电话", "窗口电话 0573-84500001", "宏杨村代办员（A岗）", "138****5678", "size: A4");

		assertThat(rest.withBasicAuth("agent-v06-a", "demo")
			.getForEntity("/api/matters/" + matterNo + "/promise-slip.html", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(rest.getForEntity("/api/matters/" + matterNo + "/promise-slip.html", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldAcceptPhonesWrittenWithSpacesAndDashesAndTellWhenNoTextMessageCanReachThem() {
		String mobile = accept("agent-v01-a", uniqueName(), "138 1234-5678");
		assertThat(ledger.find(mobile).orElseThrow().residentPhone()).isEqualTo("13812345678");

		String resident = uniqueName();
		String landline = accept("agent-v01-a", resident, "0573-8450 0001");
		assertThat(ledger.find(landline).orElseThrow().residentPhone()).isEqualTo("057384500001");
		assertThat(find("agent-v01-a", "/api/matters?q=" + landline)).singleElement()
			.satisfies(m -> assertThat(m).containsEntry("smsReachable", false));
	}

	private String accept(String agent, String resident, String phone) {
		String body = """
				{"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE",
				 "resident":{"name":"%s","phone":"%s"},"description":"申请低保"}""".formatted(resident, phone);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(agent, "demo")
			.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return (String) response.getBody().get("matterNo");
	}

	private List<Map<String, Object>> find(String user, String path) {
		ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.GET, null, LIST);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	/** Residents of other tests share the database: a name of this test alone. */
	private static String uniqueName() {
		String digits = UUID.randomUUID().toString().replaceAll("[^0-9]", "");
		StringBuilder name = new StringBuilder("欧阳");
		for (char digit : digits.substring(0, 6).toCharArray()) {
			name.append("零一二三四五六七八九".charAt(digit - '0'));
		}
		return name.toString();
	}

}
