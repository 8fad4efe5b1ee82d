package com.daiban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.MatterIntake;
import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ResidentMatters;
import com.daiban.support.SmsSink;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The residents' public surface under attack: it opens no door to the staff API or the engine, refuses cross-site
 * writes and oversized bodies, keeps enumeration and code guessing hopeless, and lets no markup or expression reach
 * the texts staff read in Tasklist and Cockpit. Every refusal is a Chinese 4xx that changes nothing.
 */
@DaibanSpringBootTest
class PublicSurfaceSecurityTests {

	private static final SmsSink SMS = SmsSink.start();

	private static int clients;

	@DynamicPropertySource
	static void smsGateway(DynamicPropertyRegistry registry) {
		registry.add("daiban.notification.channels", () -> "log,sms");
		registry.add("daiban.notification.sms-webhook-url", SMS::url);
	}

	@AfterAll
	static void stopSms() {
		SMS.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	MatterIntake intake;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	private ResidentMatters matters;

	private String client;

	@BeforeEach
	void newClient() {
		matters = new ResidentMatters(intake, identityService, taskService);
		client = "10.9.0." + (++clients);
	}

	@Test
	void shouldOpenNoPathToTheStaffApiOrTheEngine() throws IOException {
		AcceptedMatter matter = matters.accepted("测试", "13900002222");
		for (String path : List.of("/api/public/../matters/" + matter.matterNo(), "/api/public/..;/matters/" + matter.matterNo(),
				"/api/public/%2e%2e/matters/" + matter.matterNo(), "/api/public/../../engine-rest/task",
				"/api/public/..;/..;/engine-rest/process-instance")) {
			String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("13900002222", "processDefinitionId");
		}
		assertThat(rest.getForEntity("/api/matters/" + matter.matterNo(), String.class).getStatusCode().value()).isEqualTo(401);
		assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void shouldGrantNothingToStaffCredentialsAndKeepNoSession() {
		AcceptedMatter matter = matters.accepted("测试", "13900003333");
		HttpHeaders headers = headers(client);
		headers.setBasicAuth("admin", "demo");

		ResponseEntity<String> asAdmin = rest.exchange("/api/public/matters/lookup", HttpMethod.POST,
				new HttpEntity<>(Map.of("matterNo", matter.matterNo(), "phoneLast4", "0000"), headers), String.class);

		assertThat(asAdmin.getStatusCode().value()).as("an administrator's password opens nothing here").isEqualTo(404);
		assertThat(asAdmin.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
		assertThat(asAdmin.getHeaders().getCacheControl()).isEqualTo("no-store");
	}

	@Test
	void shouldRefuseWritesThatDoNotComeFromThePage() {
		Map<String, String> body = Map.of("matterNo", "T01-20260101-0001", "phoneLast4", "1234");
		HttpHeaders noHeader = new HttpHeaders();
		noHeader.setContentType(MediaType.APPLICATION_JSON);
		noHeader.set("X-Forwarded-For", client);
		HttpHeaders otherSite = headers(client);
		otherSite.setOrigin("https://evil.example");
		HttpHeaders crossSite = headers(client);
		crossSite.set("Sec-Fetch-Site", "cross-site");
		HttpHeaders form = headers(client);
		form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

		assertThat(post(noHeader, body)).satisfies(r -> refused(r, 403, "请从村民直通车页面提交"));
		assertThat(post(otherSite, body)).satisfies(r -> refused(r, 403, "请从村民直通车页面提交"));
		assertThat(post(crossSite, body)).satisfies(r -> refused(r, 403, "请从村民直通车页面提交"));
		assertThat(rest.exchange("/api/public/matters/lookup", HttpMethod.POST,
				new HttpEntity<>("matterNo=T01-20260101-0001&phoneLast4=1234", form), String.class))
			.satisfies(r -> refused(r, 415, "application/json"));
		HttpHeaders sameSite = headers(client);
		sameSite.setOrigin("http://localhost:" + port);
		assertThat(post(sameSite, body).getStatusCode().value()).as("the page itself").isEqualTo(404);
	}

	@Test
	void shouldRefuseOversizedAndMalformedBodies() throws IOException {
		String big = "{\"matterNo\":\"" + "9".repeat(20_000) + "\",\"phoneLast4\":\"1234\"}";
		assertThat(post(headers(client), big)).satisfies(r -> refused(r, 413, "上限 16 KB"));
		String chunked = raw("POST /api/public/matters/lookup HTTP/1.1\r\nHost: localhost:" + port
				+ "\r\nContent-Type: application/json\r\nX-Daiban-Resident: 1\r\nX-Forwarded-For: " + client
				+ "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + "4e20\r\n" + "{".repeat(20_000) + "\r\n0\r\n\r\n");
		assertThat(chunked).startsWith("HTTP/1.1 400");
		assertThat(post(headers(client), "{\"matterNo\":\"T01\",\"phoneLast4\":\"1234\",\"isStaff\":true}"))
			.satisfies(r -> refused(r, 400, "未知字段"));
		assertThat(post(headers(client), "{\"matterNo\":\"T01' OR '1'='1\",\"phoneLast4\":\"1234\"}"))
			.satisfies(r -> refused(r, 400, "编号只含字母、数字和连字符"));
	}

	@Test
	void shouldStopOneClientEnumeratingMatterNumbers() {
		int notFound = 0;
		int throttled = 0;
		for (int i = 1; i <= 30; i++) {
			int status = post(headers(client), Map.of("matterNo", "T01-20261203-%04d".formatted(i), "phoneLast4", "1234"))
				.getStatusCode().value();
			notFound += status == 404 ? 1 : 0;
			throttled += status == 429 ? 1 : 0;
		}
		assertThat(notFound).isEqualTo(10);
		assertThat(throttled).isEqualTo(20);
	}

	@Test
	void shouldLimitRequestsOfOneClientPerMinute() throws InterruptedException {
		// the limit counts per clock minute: start early enough in one that the requests do not run into the next
		long intoMinute = clock.millis() % 60_000;
		if (intoMinute > 45_000) {
			Thread.sleep(60_000 - intoMinute + 100);
		}
		int refused = 0;
		for (int i = 0; i < 65; i++) {
			ResponseEntity<String> board = rest.exchange("/api/public/notice-board", HttpMethod.GET,
					new HttpEntity<>(headers(client)), String.class);
			refused += board.getStatusCode().value() == 429 ? 1 : 0;
		}
		assertThat(refused).isEqualTo(5);
	}

	@Test
	void shouldNotLetOneClientSendCodesToPhoneAfterPhone() {
		for (int i = 0; i < 10; i++) {
			assertThat(code("1390000" + (5000 + i)).getStatusCode().value()).isEqualTo(200);
		}
		assertThat(code("13900005010")).as("an eleventh phone within the hour")
			.satisfies(r -> refused(r, 429, "本设备获取验证码过于频繁"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM one_time_code WHERE phone = '13900005010'").query(Long.class).single())
			.isZero();
		client = "10.9.1.1";
		assertThat(code("13900005010").getStatusCode().value()).as("another client").isEqualTo(200);
	}

	@Test
	void shouldKeepCodeGuessingHopeless() {
		String phone = "13900004444";
		assertThat(code(phone).getStatusCode().value()).isEqualTo(200);
		assertThat(code(phone)).as("a second code within the minute").satisfies(r -> refused(r, 429, "1分钟后"));
		// an hour's allowance: five codes, each with three tries
		for (int i = 1; i < 5; i++) {
			jdbc.sql("UPDATE one_time_code SET created_at = created_at - INTERVAL '2' MINUTE WHERE phone = ?").param(phone).update();
			assertThat(code(phone).getStatusCode().value()).isEqualTo(200);
		}
		jdbc.sql("UPDATE one_time_code SET created_at = created_at - INTERVAL '2' MINUTE WHERE phone = ?").param(phone).update();
		assertThat(code(phone)).satisfies(r -> refused(r, 429, "1小时后"));
		dispatcher.sendQueued("code:complaint");
		String code = SMS.lastCode(phone);
		String wrong = code.equals("123456") ? "654321" : "123456";
		for (int i = 0; i < 3; i++) {
			complain(phone, wrong, "有人冒名");
		}
		assertThat(complain(phone, code, "有人冒名")).as("the right code after three wrong tries")
			.satisfies(r -> refused(r, 400, "验证码已失效"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single()).isZero();
	}

	@Test
	void shouldKeepMarkupAndExpressionsAwayFromWhatStaffRead() {
		String phone = "13900005555";
		code(phone);
		dispatcher.sendQueued("code:complaint");
		String code = SMS.lastCode(phone);

		assertThat(complain(phone, code, "<script>alert(1)</script>")).satisfies(r -> refused(r, 400, "content"));
		assertThat(complain(phone, code, "${execution.processEngine}")).satisfies(r -> refused(r, 400, "content"));
		ResponseEntity<String> name = rest.exchange("/api/public/complaints", HttpMethod.POST, new HttpEntity<>(
				Map.of("name", "<img src=x onerror=alert(1)>", "phone", phone, "code", code, "villageCode", "V01",
						"content", "正常内容"), headers(client)), String.class);
		assertThat(name).satisfies(r -> refused(r, 400, "name"));
		AcceptedMatter replied = matters.replied("测试", "13900006666");
		ResponseEntity<String> comment = rest.exchange("/api/public/matters/sign-off", HttpMethod.POST, new HttpEntity<>(
				Map.of("matterNo", replied.matterNo(), "phoneLast4", "6666", "code", "123456", "confirmed", true,
						"rating", 5, "comment", "<b onmouseover=alert(1)>好</b>"), headers(client)), String.class);
		assertThat(comment).satisfies(r -> refused(r, 400, "comment"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single()).isZero();
		assertThat(taskService.createTaskQuery().processInstanceId(replied.processInstanceId())
			.taskDefinitionKey("Task_ConfirmSignOff").count()).isOne();
	}

	private ResponseEntity<String> code(String phone) {
		return rest.exchange("/api/public/complaints/code", HttpMethod.POST, new HttpEntity<>(Map.of("phone", phone),
				headers(client)), String.class);
	}

	private ResponseEntity<String> complain(String phone, String code, String content) {
		return rest.exchange("/api/public/complaints", HttpMethod.POST, new HttpEntity<>(Map.of("name", "测试",
				"phone", phone, "code", code, "villageCode", "V01", "content", content), headers(client)), String.class);
	}

	private ResponseEntity<String> post(HttpHeaders headers, Object body) {
		return rest.exchange("/api/public/matters/lookup", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	private static void refused(ResponseEntity<String> response, int status, String messagePart) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		assertThat(response.getBody()).contains("\"message\"").contains(messagePart);
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static HttpHeaders headers(String from) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Daiban-Resident", "1");
		headers.set("X-Forwarded-For", from);
		return headers;
	}

}
