package com.daiban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.daiban.matter.MatterRates;
import com.daiban.matter.Rates;
import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.QueuedNotifications;
import com.daiban.support.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervision workspace's figures against matters this test accepts, handles, signs off, withdraws and lets run
 * late on a clock it moves: every count, rate and list is the one these matters give, and a township's supervisor
 * sees nothing of another township.
 */
@DaibanSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardApiTests {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** A Wednesday morning; the figures are read the next day at noon. */
	private static final Instant START = OffsetDateTime.parse("2026-11-18T09:00:00+08:00").toInstant();

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@TestConfiguration
	static class MovableClock {

		static final MutableClock CLOCK = new MutableClock(START, CHINA);

		@Bean
		@Primary
		Clock movableClock() {
			return CLOCK;
		}

	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MatterRates matterRates;

	String overdue;

	String lateDone;

	String onTimeSatisfied;

	String onTimeUnsatisfied;

	String dueToday;

	String withdrawn;

	String otherTownship;

	@BeforeAll
	void acceptHandleAndLetTimePass() {
		at(START);
		overdue = accept("agent-v01-a", "V01", "张一", "13811110001");
		lateDone = accept("agent-v01-a", "V01", "张二", "13811110002");
		onTimeSatisfied = accept("agent-v01-a", "V01", "张三", "13811110003");
		onTimeUnsatisfied = accept("agent-v02-a", "V02", "李四", "13811110004");
		withdrawn = accept("agent-v02-a", "V02", "李五", "13811110005");
		otherTownship = accept("agent-v06-a", "V06", "王六", "13811110006");

		at(START.plus(Duration.ofHours(2)));
		handle(onTimeSatisfied, "clerk-t01", "township-T01");
		signOff(onTimeSatisfied, "agent-v01-a", "village-V01", "5");
		handle(onTimeUnsatisfied, "clerk-t01", "township-T01");
		signOff(onTimeUnsatisfied, "agent-v02-a", "village-V02", "2");
		withdraw(withdrawn, "agent-v02-a");

		at(START.plus(Duration.ofHours(7)));
		dueToday = accept("agent-v01-a", "V01", "张七", "13811110007");

		// the next day at noon: three hours past the first promises
		at(START.plus(Duration.ofHours(27)));
		executeJob(overdue, "Event_DeadlinePassed");
		handle(lateDone, "clerk-t01", "township-T01");
		QueuedNotifications.send(dispatcher, onTimeSatisfied + ":");
	}

	@AfterAll
	void resetEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldCountOpenMattersOfTheTownshipByPromise() {
		Map<String, Object> board = get("supervisor-t01", "/api/dashboard").getBody();

		assertThat(board).containsEntry("township", "T01");
		assertThat(count(board, "overdue")).isEqualTo(1);
		assertThat(count(board, "dueToday")).isEqualTo(1);
		assertThat(count(board, "paused")).isZero();
		assertThat(numbers(get("supervisor-t01", link(board, "overdue")))).containsExactly(overdue);
		assertThat(numbers(get("supervisor-t01", link(board, "dueToday")))).containsExactly(dueToday);
		Map<String, Object> v01 = village(board, "V01");
		assertThat(count(v01, "overdue")).isEqualTo(1);
		assertThat(count(v01, "dueToday")).isEqualTo(1);
		assertThat(count(village(board, "V02"), "overdue")).isZero();
	}

	@Test
	void shouldRateTheMonthAndEachVillageFromTheLedger() {
		Map<String, Object> board = get("supervisor-t01", "/api/dashboard").getBody();

		Map<String, Object> november = rates(((List<Map<String, Object>>) board.get("monthly")).stream()
			.filter(m -> m.get("month").equals("2026-11"))
			.findFirst()
			.orElseThrow());
		// six accepted, one withdrawn; two on time, two late (one completed late, one still open past its promise);
		// two closed as done; two rated, one satisfied
		assertThat(november).containsEntry("accepted", 6).containsEntry("withdrawn", 1).containsEntry("onTime", 2)
			.containsEntry("notOnTime", 2).containsEntry("resolved", 2).containsEntry("rated", 2).containsEntry("satisfied", 1)
			.containsEntry("onTimeRate", 50.0).containsEntry("resolutionRate", 40.0)
			.containsEntry("satisfactionRate", 50.0);
		// the rates every report gives for the same matters
		Rates reported = matterRates.ofTownship("T01", OffsetDateTime.parse("2026-11-01T00:00:00+08:00"),
				OffsetDateTime.parse("2026-12-01T00:00:00+08:00"));
		assertThat(november).containsEntry("onTimeRate", reported.onTimeRate())
			.containsEntry("resolutionRate", reported.resolutionRate())
			.containsEntry("satisfactionRate", reported.satisfactionRate());
		assertThat(numbers(get("supervisor-t01", (String) november.get("late")))).containsExactlyInAnyOrder(lateDone,
				overdue);
		assertThat(numbers(get("supervisor-t01", (String) november.get("unsatisfied")))).containsExactly(onTimeUnsatisfied);
		assertThat(numbers(get("supervisor-t01", (String) november.get("matters")))).containsExactlyInAnyOrder(overdue,
				lateDone, onTimeSatisfied, onTimeUnsatisfied, withdrawn, dueToday);

		Map<String, Object> v01 = rates(village(board, "V01"));
		assertThat(v01).containsEntry("accepted", 4).containsEntry("onTimeRate", 33.33)
			.containsEntry("resolutionRate", 25.0).containsEntry("satisfactionRate", 100.0);
		Map<String, Object> v02 = rates(village(board, "V02"));
		assertThat(v02).containsEntry("accepted", 2).containsEntry("onTimeRate", 100.0)
			.containsEntry("resolutionRate", 100.0).containsEntry("satisfactionRate", 0.0);
		assertThat(numbers(get("supervisor-t01", (String) v02.get("unresolved")))).isEmpty();
		// a village without matters is not rated at all
		assertThat(rates(village(board, "V03"))).containsEntry("accepted", 0).containsEntry("onTimeRate", null);
	}

	@Test
	void shouldKeepSettledMonthsAndCountTheCurrentOneLive() {
		get("supervisor-t01", "/api/dashboard");

		List<String> kept = jdbc.sql("SELECT DISTINCT period_month FROM matter_month_figure WHERE township_code = 'T01'")
			.query(String.class)
			.list();
		assertThat(kept).contains("2026-10", "2025-12").doesNotContain("2026-11");
	}

	@Test
	void shouldListTheNegativeListByReasonAndUnit() {
		Map<String, Object> board = get("supervisor-t01", "/api/dashboard").getBody();

		List<Map<String, Object>> reasons = (List<Map<String, Object>>) board.get("negativeByReason");
		assertThat(reasons).singleElement().satisfies(r -> {
			assertThat(r).containsEntry("code", "OVERDUE").containsEntry("count", 1).containsEntry("label", "超时办结");
			assertThat(numbers(get("supervisor-t01", (String) r.get("matters")))).containsExactly(overdue);
		});
		List<Map<String, Object>> units = (List<Map<String, Object>>) board.get("negativeByUnit");
		assertThat(units).singleElement().satisfies(u -> {
			assertThat(u).containsEntry("code", "township-T01").containsEntry("count", 1);
			assertThat((String) u.get("label")).contains("干窑镇");
		});
		assertThat((List<?>) board.get("unitEvents")).isEmpty();
	}

	@Test
	void shouldShowAnotherTownshipNothingOfThisOne() {
		Map<String, Object> t02 = get("supervisor-t02", "/api/dashboard").getBody();

		assertThat(t02).containsEntry("township", "T02");
		assertThat(count(t02, "overdue")).isEqualTo(1);
		assertThat(numbers(get("supervisor-t02", link(t02, "overdue")))).containsExactly(otherTownship);
		assertThat(((List<Map<String, Object>>) t02.get("villages"))).extracting(v -> v.get("code")).containsExactly("V06");
		assertThat((List<?>) t02.get("negativeByReason")).isEmpty();
		assertThat(((List<Map<String, Object>>) t02.get("townships"))).extracting(t -> t.get("code")).containsExactly("T02");

		assertThat(get("supervisor-t02", "/api/dashboard?township=T01").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("supervisor-t02", "/api/dashboard/matters?figure=overdue&township=T01").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("supervisor-t02", "/api/dashboard/matters?figure=overdue&village=V01").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("supervisor-t02", "/api/dashboard/story?matterNo=" + overdue).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get("agent-v01-a", "/api/dashboard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldLetTheCityCenterPickATownship() {
		Map<String, Object> all = get("clerk-city", "/api/dashboard").getBody();
		assertThat(all).containsEntry("township", null);
		assertThat(count(all, "overdue")).isEqualTo(2);
		assertThat(((List<Map<String, Object>>) all.get("townships"))).extracting(t -> t.get("code"))
			.containsExactly("T01", "T02");

		Map<String, Object> t02 = get("clerk-city", "/api/dashboard?township=T02").getBody();
		assertThat(count(t02, "overdue")).isEqualTo(1);
		assertThat(link(t02, "overdue")).contains("township=T02");
	}

	@Test
	void shouldTellTheWholeStoryOfAClosedMatterWithThePhoneMasked() {
		ResponseEntity<Map<String, Object>> response = get("supervisor-t01", "/api/dashboard/story?matterNo=" + onTimeSatisfied);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> matter = (Map<String, Object>) response.getBody().get("matter");
		assertThat(matter).containsEntry("statusLabel", "已办结归档").containsEntry("residentPhone", "138****0003")
			.containsEntry("village", "宏杨村").containsEntry("onTime", "按时").containsEntry("satisfaction", "满意")
			.containsEntry("processInstanceId", null);
		assertThat((List<Map<String, Object>>) response.getBody().get("timeline")).extracting(s -> s.get("label"))
			.containsExactly("受理", "承诺时限", "办理", "签字确认", "办结归档");
		assertThat((List<Map<String, Object>>) response.getBody().get("notices")).isNotEmpty()
			.allSatisfy(n -> assertThat((String) n.get("recipient")).doesNotContain("13811110003"));

		Map<String, Object> late = get("supervisor-t01", "/api/dashboard/story?matterNo=" + overdue).getBody();
		assertThat((List<Map<String, Object>>) late.get("negativeList")).singleElement()
			.satisfies(mark -> assertThat(mark).containsEntry("reason", "超时办结").containsEntry("status", "待复核"));
		String instanceId = (String) ((Map<String, Object>) late.get("matter")).get("processInstanceId");
		assertThat(instanceId).isNotNull();
		assertThat(get("supervisor-t01", "/api/dashboard/story?processInstanceId=" + instanceId).getBody())
			.extracting(b -> ((Map<String, Object>) b.get("matter")).get("matterNo")).isEqualTo(overdue);
	}

	@Test
	void shouldAnswerBadFiguresWithTheFieldNamed() {
		assertThat(get("supervisor-t01", "/api/dashboard/matters?figure=everything").getBody()).containsEntry("field",
				"figure");
		assertThat(get("supervisor-t01", "/api/dashboard/matters?figure=accepted&month=2026-13").getBody())
			.containsEntry("field", "month");
		assertThat(get("supervisor-t01", "/api/dashboard/matters?figure=event&kind=DROP").getBody())
			.containsEntry("field", "kind");
		assertThat(get("supervisor-t01", "/api/dashboard?township=T99").getBody()).containsEntry("field", "township");
		assertThat(get("supervisor-t01", "/api/dashboard?year=20261").getBody()).containsEntry("field", "year");
		assertThat(rest.getForEntity("/api/dashboard", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldAcceptTheCockpitLoginAndItsCsrfTokenForWrites() {
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/cockpit/", String.class);
		HttpHeaders session = new HttpHeaders();
		WebappLogin.cookies(page.getHeaders(), session);
		String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
		HttpHeaders login = new HttpHeaders(session);
		login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		login.set("X-XSRF-TOKEN", token);
		ResponseEntity<String> loggedIn = rest.exchange("/camunda/api/admin/auth/user/default/login/cockpit",
				HttpMethod.POST, new HttpEntity<>("username=supervisor-t01&password=demo", login), String.class);
		assertThat(loggedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
		HttpHeaders afterLogin = new HttpHeaders();
		WebappLogin.cookies(page.getHeaders(), afterLogin);
		WebappLogin.cookies(loggedIn.getHeaders(), afterLogin);
		afterLogin.setAccept(List.of(MediaType.APPLICATION_JSON));

		ResponseEntity<Map<String, Object>> board = rest.exchange("/api/dashboard", HttpMethod.GET,
				new HttpEntity<>(afterLogin), JSON);
		assertThat(board.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(board.getBody()).containsEntry("township", "T01");
		HttpHeaders html = new HttpHeaders(afterLogin);
		html.setAccept(List.of(MediaType.TEXT_HTML));
		ResponseEntity<String> report = rest.exchange("/api/reports/assessment.html?year=2026", HttpMethod.GET,
				new HttpEntity<>(html), String.class);
		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(report.getBody()).contains("年度考核");
		// a write with the webapp login needs the webapp's CSRF token too, on the matters' endpoints as well
		String statusBefore = jdbc.sql("SELECT status FROM matter WHERE matter_no = ?").param(overdue).query(String.class).single();
		HttpHeaders json = new HttpHeaders(afterLogin);
		json.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map<String, Object>> withdrawal = rest.exchange("/api/matters/" + overdue + "/withdrawal",
				HttpMethod.POST, new HttpEntity<>("{\"reason\":\"x\"}", json), JSON);
		assertThat(withdrawal.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(withdrawal.getBody()).containsEntry("field", "X-XSRF-TOKEN");
		assertThat(jdbc.sql("SELECT status FROM matter WHERE matter_no = ?").param(overdue).query(String.class).single())
			.isEqualTo(statusBefore).isNotEqualTo("WITHDRAWN");

		ResponseEntity<Map<String, Object>> withoutToken = rest.exchange("/api/dashboard", HttpMethod.POST,
				new HttpEntity<>(afterLogin), JSON);
		assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(withoutToken.getBody()).containsEntry("field", "X-XSRF-TOKEN");
		HttpHeaders withToken = new HttpHeaders();
		withToken.putAll(afterLogin);
		// the token Cockpit's scripts send: the logged-in session's, handed out with Cockpit's next request
		ResponseEntity<String> next = rest.exchange("/camunda/api/engine/engine", HttpMethod.GET,
				new HttpEntity<>(afterLogin), String.class);
		WebappLogin.cookies(next.getHeaders(), afterLogin);
		String sessionToken = next.getHeaders().getFirst("X-XSRF-TOKEN") != null
				? next.getHeaders().getFirst("X-XSRF-TOKEN") : afterLogin.getOrEmpty(HttpHeaders.COOKIE).stream()
			.filter(c -> c.startsWith("XSRF-TOKEN="))
			.map(c -> c.substring("XSRF-TOKEN=".length()))
			.findFirst()
			.orElse(token);
		withToken.set("X-XSRF-TOKEN", sessionToken);
		assertThat(rest.exchange("/api/dashboard", HttpMethod.POST, new HttpEntity<>(withToken), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	// ---- helpers

	private void at(Instant instant) {
		MovableClock.CLOCK.set(instant);
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	private String accept(String agent, String village, String name, String phone) {
		HttpHeaders headers = headers(agent);
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map<String, Object>> response = rest.exchange("/api/matters", HttpMethod.POST,
				new HttpEntity<>("""
						{"villageCode":"%s","serviceItemCode":"MZ-001","channel":"OFFICE",
						 "resident":{"name":"%s","phone":"%s"},"description":"申请低保"}""".formatted(village, name, phone),
						headers),
				JSON);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) response.getBody().get("matterNo");
	}

	private void withdraw(String matterNo, String agent) {
		HttpHeaders headers = headers(agent);
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(rest.exchange("/api/matters/" + matterNo + "/withdrawal", HttpMethod.POST,
				new HttpEntity<>("{\"reason\":\"已自行办理\"}", headers), String.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	private void handle(String matterNo, String clerk, String group) {
		as(clerk, group, () -> {
			Task task = task(matterNo, "Task_HandleMatter");
			taskService.claim(task.getId(), clerk);
			taskService.complete(task.getId(), Map.of("outcome", "DONE", "reply", "已办结"));
			return null;
		});
	}

	private void signOff(String matterNo, String agent, String group, String rating) {
		as(agent, group, () -> {
			Task task = task(matterNo, "Task_ConfirmSignOff");
			taskService.claim(task.getId(), agent);
			taskService.complete(task.getId(), Map.of("residentConfirmed", "true", "rating", rating, "signOffNote", "当面签字"));
			return null;
		});
	}

	private Task task(String matterNo, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(matterNo).taskDefinitionKey(key).singleResult();
	}

	private void executeJob(String matterNo, String activityId) {
		Job job = managementService.createJobQuery()
			.processInstanceId(instanceOf(matterNo))
			.activityId(activityId)
			.singleResult();
		assertThat(job).as("job at %s", activityId).isNotNull();
		managementService.executeJob(job.getId());
	}

	private String instanceOf(String matterNo) {
		return jdbc.sql("SELECT process_instance_id FROM matter WHERE matter_no = ?").param(matterNo).query(String.class).single();
	}

	private <T> T as(String user, String group, Supplier<T> action) {
		identityService.setAuthentication(user, List.of(group));
		try {
			return action.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private ResponseEntity<Map<String, Object>> get(String user, String path) {
		return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), JSON);
	}

	private static HttpHeaders headers(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return headers;
	}

	private static int count(Map<String, Object> figures, String name) {
		return (Integer) ((Map<String, Object>) figures.get(name)).get("count");
	}

	private static String link(Map<String, Object> figures, String name) {
		return (String) ((Map<String, Object>) figures.get(name)).get("matters");
	}

	private static Map<String, Object> rates(Map<String, Object> figures) {
		return (Map<String, Object>) figures.get("rates");
	}

	private static Map<String, Object> village(Map<String, Object> board, String code) {
		return ((List<Map<String, Object>>) board.get("villages")).stream()
			.filter(v -> v.get("code").equals(code))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> numbers(ResponseEntity<Map<String, Object>> list) {
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((List<Map<String, Object>>) list.getBody().get("matters")).stream()
			.map(m -> (String) m.get("matterNo"))
			.toList();
	}

	/** The application's clock, moved by the test; Camunda's clock is moved with it. */
	static final class MutableClock extends Clock {

		private volatile Instant now;

		private final ZoneId zone;

		MutableClock(Instant now, ZoneId zone) {
			this.now = now;
			this.zone = zone;
		}

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new MutableClock(now, zone);
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
