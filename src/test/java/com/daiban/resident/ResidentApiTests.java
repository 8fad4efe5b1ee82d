package com.daiban.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.MatterIntake;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ResidentMatters;
import com.daiban.support.SmsSink;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The residents' public API as a phone's browser uses it, without any login: look-up with the same answer for a
 * wrong number and a wrong phone, throttling per client and per number, the sign-off with a one-time code read from a
 * real SMS gateway (a local webhook), real-name complaints and the notice board. Clients are told apart by the
 * address a proxy forwards, as behind the township's reverse proxy.
 */
@DaibanSpringBootTest
class ResidentApiTests {

	private static final SmsSink SMS = SmsSink.start();

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static int clients;

	@DynamicPropertySource
	static void smsGateway(DynamicPropertyRegistry registry) {
		registry.add("daiban.notification.channels", () -> "log,sms");
		registry.add("daiban.notification.sms-webhook-url", SMS::url);
		registry.add("daiban.public.base-url", () -> "https://daiban.example.cn");
	}

	@AfterAll
	static void stopSms() {
		SMS.close();
	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MatterIntake intake;

	@Autowired
	MatterLedger ledger;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	private ResidentMatters matters;

	private String client;

	@BeforeEach
	void newClient() {
		matters = new ResidentMatters(intake, identityService, taskService);
		client = "10.0.0." + (++clients);
	}

	@Test
	void shouldAnswerAWrongNumberAndAWrongPhoneAlike() {
		AcceptedMatter matter = matters.accepted("王秀兰", "13811112222");

		ResponseEntity<Map<String, Object>> wrongPhone = lookUp(client, matter.matterNo(), "9999");
		ResponseEntity<Map<String, Object>> unknownNumber = lookUp(client, "T01-19990101-0001", "2222");
		ResponseEntity<Map<String, Object>> right = lookUp(client, matter.matterNo(), "2222");

		assertThat(wrongPhone.getStatusCode().value()).isEqualTo(404);
		assertThat(unknownNumber.getStatusCode()).isEqualTo(wrongPhone.getStatusCode());
		assertThat(unknownNumber.getBody()).isEqualTo(wrongPhone.getBody());
		assertThat((String) wrongPhone.getBody().get("message")).contains("编号或手机号后4位不正确");
		assertThat(right.getStatusCode().value()).isEqualTo(200);
		assertThat(right.getBody()).containsEntry("matterNo", matter.matterNo())
			.containsEntry("serviceItem", "最低生活保障申请")
			.containsEntry("unit", "干窑镇便民服务中心")
			.containsEntry("statusLabel", "办理中")
			.containsKey("dueAt");
		assertThat(right.getBody().get("agent")).isEqualTo(Map.of("name", "宏杨村代办员（A岗）", "phone", "13800000005"));
		assertThat(right.getBody().toString()).as("nothing personal beyond what the resident gave")
			.doesNotContain("王秀兰", "13811112222", "申请低保", "agent-v01-a", "township-T01");
		assertThat(texts(right)).contains("代办员已受理您的委托").anyMatch(text -> text.startsWith("承诺在 "));
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ledger.timeline(matter.matterNo()))
				.anyMatch(e -> e.kind().equals("RESIDENT_VIEWED") && "resident".equals(e.actor())));
	}

	@Test
	void shouldMakeAClientWaitAfterTenFailuresEvenWithTheRightPair() {
		AcceptedMatter matter = matters.accepted("赵大爷", "13811113333");
		for (int i = 0; i < 10; i++) {
			assertThat(lookUp(client, "T01-20000101-%04d".formatted(i), "1234").getStatusCode().value()).isEqualTo(404);
		}

		ResponseEntity<Map<String, Object>> throttled = lookUp(client, matter.matterNo(), "3333");

		assertThat(throttled.getStatusCode().value()).isEqualTo(429);
		assertThat((String) throttled.getBody().get("message")).contains("请15分钟后再试");
		assertThat(lookUp("10.0.99.1", matter.matterNo(), "3333").getStatusCode().value()).as("another client").isEqualTo(200);
	}

	@Test
	void shouldMakeANumberWaitAfterFiveFailuresFromAnyClients() {
		AcceptedMatter matter = matters.accepted("钱阿姨", "13811114444");
		for (int i = 0; i < 5; i++) {
			assertThat(lookUp("10.1.0." + i, matter.matterNo(), "000" + i).getStatusCode().value()).isEqualTo(404);
		}

		assertThat(lookUp("10.1.1.1", matter.matterNo(), "4444").getStatusCode().value()).isEqualTo(429);
		// an unknown number is throttled the same way: the 429 tells nothing either
		for (int i = 0; i < 5; i++) {
			lookUp("10.1.2." + i, "T01-19990101-0777", "000" + i);
		}
		assertThat(lookUp("10.1.3.1", "T01-19990101-0777", "4444").getStatusCode().value()).isEqualTo(429);
	}

	@Test
	void shouldLinkEveryTextToTheResidentToThePublicPage() {
		AcceptedMatter matter = matters.accepted("孙奶奶", "13811115555");
		dispatcher.sendQueued(matter.matterNo() + ":");

		assertThat(SMS.to("13811115555")).singleElement()
			.satisfies(sms -> assertThat(sms.text()).contains(matter.matterNo())
				.endsWith("https://daiban.example.cn/resident/?no=" + matter.matterNo()));
	}

	@Test
	void shouldSignOffAndRateWithTheCodeSentToThePhoneOnTheMatter() {
		AcceptedMatter matter = matters.replied("周大伯", "13811116666");
		assertThat(lookUp(client, matter.matterNo(), "6666").getBody()).containsEntry("awaitingSignOff", true);

		ResponseEntity<Map<String, Object>> sent = post(client, "matters/sign-off-code",
				Map.of("matterNo", matter.matterNo(), "phoneLast4", "6666"));
		assertThat(sent.getStatusCode().value()).isEqualTo(200);
		assertThat(sent.getBody()).containsEntry("sentTo", "尾号 6666").containsEntry("validMinutes", 10);
		dispatcher.sendQueued("code:" + matter.matterNo());
		String code = SMS.lastCode("13811116666");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM one_time_code WHERE code_hash = ? OR salt = ?").params(code, code)
			.query(Long.class).single()).as("the code is stored hashed").isZero();
		assertThat(jdbc.sql("SELECT body FROM notification_log WHERE kind = 'ONE_TIME_CODE'").query(String.class).list())
			.as("the log keeps no code").isNotEmpty().noneMatch(body -> body.contains(code));

		ResponseEntity<Map<String, Object>> wrong = signOff(client, matter.matterNo(), "6666", other(code), true, 5);
		assertThat(wrong.getStatusCode().value()).isEqualTo(400);
		assertThat((String) wrong.getBody().get("message")).isEqualTo("验证码不正确，还可以再试2次");

		ResponseEntity<Map<String, Object>> signed = signOff(client, matter.matterNo(), "6666", code, true, 5);
		assertThat(signed.getStatusCode().value()).as("%s", signed.getBody()).isEqualTo(200);

		MatterRecord record = ledger.find(matter.matterNo()).orElseThrow();
		assertThat(record.signedOffBy()).isEqualTo(MatterLedger.RESIDENT_HIMSELF);
		assertThat(record.rating()).isEqualTo(5);
		assertThat(record.status()).isEqualTo(com.daiban.matter.MatterStatus.CLOSED);
		assertThat(ledger.timeline(matter.matterNo())).anyMatch(e -> e.kind().equals("SIGNED_OFF")
				&& "resident".equals(e.actor()) && e.detail().contains("委托人本人经短信验证码确认"));
		assertThat(taskService.createTaskQuery().processInstanceId(matter.processInstanceId()).count()).isZero();
		// the same code twice, or a second sign-off: politely refused
		ResponseEntity<Map<String, Object>> again = signOff(client, matter.matterNo(), "6666", code, true, 5);
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat((String) again.getBody().get("message")).contains("无需签字确认");
	}

	@Test
	void shouldVoidACodeAfterThreeWrongTries() {
		AcceptedMatter matter = matters.replied("吴婶", "13811117777");
		post(client, "matters/sign-off-code", Map.of("matterNo", matter.matterNo(), "phoneLast4", "7777"));
		dispatcher.sendQueued("code:" + matter.matterNo());
		String code = SMS.lastCode("13811117777");

		List<String> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			answers.add((String) signOff(client, matter.matterNo(), "7777", other(code), true, 4).getBody().get("message"));
		}
		ResponseEntity<Map<String, Object>> right = signOff(client, matter.matterNo(), "7777", code, true, 4);

		assertThat(answers).containsExactly("验证码不正确，还可以再试2次", "验证码不正确，还可以再试1次", "验证码错误次数过多，已失效，请重新获取");
		assertThat(right.getStatusCode().value()).isEqualTo(400);
		assertThat((String) right.getBody().get("message")).isEqualTo("验证码已失效，请重新获取");
		assertThat(taskService.createTaskQuery().processInstanceId(matter.processInstanceId()).taskDefinitionKey("Task_ConfirmSignOff").count()).isOne();
	}

	@Test
	void shouldRefuseTheResidentPolitelyOnceTheAgentHasSignedOff() {
		AcceptedMatter matter = matters.replied("郑大哥", "13811118888");
		post(client, "matters/sign-off-code", Map.of("matterNo", matter.matterNo(), "phoneLast4", "8888"));
		dispatcher.sendQueued("code:" + matter.matterNo());
		String code = SMS.lastCode("13811118888");
		// the agent enters the sign-off in Tasklist first
		identityService.setAuthentication("agent-v01-b", List.of("village-V01"));
		try {
			taskService.complete(matters.task(matter, "Task_ConfirmSignOff").getId(),
					Map.of("residentConfirmed", "true", "rating", "4"));
		}
		finally {
			identityService.clearAuthentication();
		}

		ResponseEntity<Map<String, Object>> late = signOff(client, matter.matterNo(), "8888", code, false, 1);

		assertThat(late.getStatusCode().value()).isEqualTo(409);
		MatterRecord record = ledger.find(matter.matterNo()).orElseThrow();
		assertThat(record.signedOffBy()).as("the ledger names who entered it").isEqualTo("agent-v01-b");
		assertThat(record.rating()).isEqualTo(4);
	}

	@Test
	void shouldFileARealNameComplaintToTheTownshipAndLetTheResidentLookItUp() {
		AcceptedMatter matter = matters.accepted("冯老伯", "13811119999");
		assertThat(post(client, "complaints/code", Map.of("phone", "13811119999")).getStatusCode().value()).isEqualTo(200);
		dispatcher.sendQueued("code:complaint");
		String code = SMS.lastCode("13811119999");

		ResponseEntity<Map<String, Object>> filed = post(client, "complaints", Map.of("name", "冯老伯", "phone", "13811119999",
				"code", code, "villageCode", "V01", "matterNo", matter.matterNo(), "content", "答应一天办好，到现在没消息"));

		assertThat(filed.getStatusCode().value()).as("%s", filed.getBody()).isEqualTo(201);
		String complaintNo = (String) filed.getBody().get("complaintNo");
		assertThat(complaintNo).matches("TS-T01-\\d{8}-\\d{3}");
		assertThat(jdbc.sql("SELECT filed_by FROM complaint WHERE complaint_no = ?").param(complaintNo).query(String.class).single())
			.isEqualTo("resident");
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(complaintNo).taskCandidateGroup("township-T01").count())
			.as("the township center verifies it, not the agent").isOne();
		assertThat(ledger.timeline(matter.matterNo())).anyMatch(e -> e.kind().equals("COMPLAINT"));
		ResponseEntity<Map<String, Object>> view = post(client, "complaints/lookup", Map.of("complaintNo", complaintNo, "phoneLast4", "9999"));
		assertThat(view.getBody()).containsEntry("statusLabel", "核实中").containsEntry("village", "宏杨村");
		assertThat(post(client, "complaints/lookup", Map.of("complaintNo", complaintNo, "phoneLast4", "0000")).getBody())
			.isEqualTo(lookUp(client, "T01-19990101-0001", "0000").getBody());
	}

	@Test
	void shouldRefuseAComplaintAboutSomebodyElsesMatterLikeAnUnknownOne() {
		AcceptedMatter matter = matters.accepted("陈阿婆", "13811110000");
		post(client, "complaints/code", Map.of("phone", "13900001111"));
		dispatcher.sendQueued("code:complaint");
		String code = SMS.lastCode("13900001111");
		Map<String, Object> complaint = new java.util.HashMap<>(Map.of("name", "路人", "phone", "13900001111", "code", code,
				"villageCode", "V01", "content", "试探"));

		complaint.put("matterNo", matter.matterNo());
		ResponseEntity<Map<String, Object>> others = post(client, "complaints", complaint);
		complaint.put("matterNo", "T01-19990101-0001");
		ResponseEntity<Map<String, Object>> unknown = post(client, "complaints", complaint);

		assertThat(others.getStatusCode().value()).isEqualTo(400);
		assertThat(unknown.getBody()).isEqualTo(others.getBody());
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldShowTheNoticeBoardOfAVillage() {
		ResponseEntity<Map<String, Object>> board = rest.exchange("/api/public/notice-board?village=V01", HttpMethod.GET,
				new HttpEntity<>(headers(client)), JSON);

		assertThat(board.getStatusCode().value()).isEqualTo(200);
		assertThat(board.getBody().get("agents")).isEqualTo(List.of(
				Map.of("name", "宏杨村代办员（A岗）", "phone", "13800000005", "post", "A"),
				Map.of("name", "宏杨村代办员（B岗）", "phone", "13800000006", "post", "B")));
		Map<?, ?> township = (Map<?, ?>) board.getBody().get("township");
		assertThat(township.get("name")).isEqualTo("干窑镇便民服务中心");
		assertThat(township.get("supervisionHotline")).isEqualTo("0573-84500001");
		assertThat((List<?>) township.get("windows")).isNotEmpty();
		List<?> guide = (List<?>) board.getBody().get("guide");
		assertThat(guide).hasSize(46);
		assertThat(guide).anySatisfy(item -> assertThat((Map<String, Object>) item).containsEntry("code", "MZ-001")
			.containsEntry("modeLabel", "代办").containsEntry("levelLabel", "镇级").containsEntry("timeLimitWorkingDays", 1));
		assertThat(board.getBody().toString()).doesNotContain("agent-v01-a", "@daiban.local");
	}

	private ResponseEntity<Map<String, Object>> lookUp(String from, String matterNo, String last4) {
		return post(from, "matters/lookup", Map.of("matterNo", matterNo, "phoneLast4", last4));
	}

	private ResponseEntity<Map<String, Object>> signOff(String from, String matterNo, String last4, String code,
			boolean confirmed, int rating) {
		return post(from, "matters/sign-off", Map.of("matterNo", matterNo, "phoneLast4", last4, "code", code,
				"confirmed", confirmed, "rating", rating, "comment", "办得快"));
	}

	private ResponseEntity<Map<String, Object>> post(String from, String path, Map<String, Object> body) {
		return rest.exchange("/api/public/" + path, HttpMethod.POST, new HttpEntity<>(body, headers(from)), JSON);
	}

	static HttpHeaders headers(String from) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Daiban-Resident", "1");
		headers.set("X-Forwarded-For", from);
		return headers;
	}

	@SuppressWarnings("unchecked")
	private static List<String> texts(ResponseEntity<Map<String, Object>> view) {
		return ((List<Map<String, Object>>) view.getBody().get("timeline")).stream().map(s -> (String) s.get("text")).toList();
	}

	private static String other(String code) {
		return code.equals("000000") ? "111111" : "000000";
	}

}
