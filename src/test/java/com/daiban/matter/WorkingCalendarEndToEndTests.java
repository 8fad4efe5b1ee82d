package com.daiban.matter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The acceptance run a trainer makes: the application started with {@code daiban.clock.start-at} on the afternoon
 * before National Day, matters accepted through the API, their promises and Tasklist's due dates counted in working
 * days. In the build's second surefire run on a real PostgreSQL, with the job executor running.
 */
@DaibanSpringBootTest
@TestPropertySource(properties = { "daiban.clock.start-at=2026-09-30T16:00:00+08:00",
		"camunda.bpm.job-execution.enabled=true", "daiban.notification.dispatch.enabled=true" })
// the clock set here is the engine's, one per JVM: closing the context gives it back
@DirtiesContext
class WorkingCalendarEndToEndTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldPromiseWorkingDaysOverNationalDayOnTheSetClock() {
		ZonedDateTime engineNow = ClockUtil.getCurrentTime().toInstant().atZone(ZONE);
		assertThat(engineNow.toLocalDate()).isEqualTo(LocalDate.parse("2026-09-30"));
		assertThat(engineNow.toLocalTime()).isBetween(LocalTime.of(16, 0), LocalTime.of(16, 30));

		Map<String, Object> township = accept("MZ-001");
		Map<String, Object> city = accept("LB-004");

		assertThat(township).containsEntry("level", "TOWNSHIP");
		assertThat(city).containsEntry("level", "CITY");
		ZonedDateTime townshipDue = OffsetDateTime.parse((String) township.get("dueAt")).atZoneSameInstant(ZONE);
		ZonedDateTime cityDue = OffsetDateTime.parse((String) city.get("dueAt")).atZoneSameInstant(ZONE);
		assertThat(townshipDue.toLocalDate()).isEqualTo(LocalDate.parse("2026-10-08"));
		assertThat(cityDue.toLocalDate()).isEqualTo(LocalDate.parse("2026-10-13"));
		// the same time of day as the acceptance, which happened a little after 16:00 on the running clock
		assertThat(townshipDue.toLocalTime()).isBetween(LocalTime.of(16, 0), LocalTime.of(16, 30));
		assertThat(cityDue.toLocalTime()).isBetween(LocalTime.of(16, 0), LocalTime.of(16, 30));

		// Tasklist reads the task's due date: the same instant
		assertThat(taskDue("clerk-t01", (String) township.get("processInstanceId"))).isEqualTo(townshipDue.toInstant());
		assertThat(taskDue("clerk-city", (String) city.get("processInstanceId"))).isEqualTo(cityDue.toInstant());
	}

	private java.time.Instant taskDue(String user, String instanceId) {
		List<Map<String, Object>> tasks = rest.withBasicAuth(user, "demo")
			.exchange("/engine-rest/task?processInstanceId=" + instanceId, HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Map<String, Object>>>() {
					})
			.getBody();
		assertThat(tasks).hasSize(1);
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
			.parse((String) tasks.get(0).get("due"), OffsetDateTime::from)
			.toInstant();
	}

	private Map<String, Object> accept(String item) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth("agent-v01-a", "demo");
		ResponseEntity<Map<String, Object>> response = rest.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>("""
				{"villageCode":"V01","serviceItemCode":"%s","channel":"OFFICE",
				 "resident":{"name":"陈阿婆","phone":"13900003333"},"description":"节前受理"}""".formatted(item), headers),
				new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
		return response.getBody();
	}

}
