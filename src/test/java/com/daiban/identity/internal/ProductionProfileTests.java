package com.daiban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.daiban.support.ProductionProfile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The production profile on a real PostgreSQL with the demo off, as a new township meets it: the administrator
 * downloads the template, fills in a township with two villages and four people, imports it; the imported agent sets
 * their password, accepts a matter, the imported clerk handles it, and the matter is archived. Grants follow groups
 * made through the engine REST API too, and the start-up reconciliation repairs lost ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class ProductionProfileTests {

	static {
		ProductionProfile.configure();
	}

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
	};

	private static final String INITIAL = "Chushi-2026";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	HistoryService historyService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GrantsReconciliation reconciliation;

	@Test
	void shouldRunAMatterWithAnImportedTownshipFromAcceptanceToArchive() throws IOException {
		assertThat(identityService.createUserQuery().userId("agent-v01-a").count()).as("no demo organisation").isZero();
		byte[] file = township("T51", "新丰镇", "V51", "V52", "s51");

		ResponseEntity<Map<String, Object>> first = upload(file, "organisation.xlsx");
		assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody()).containsEntry("townships", 1).containsEntry("villages", 2)
			.containsEntry("staff", 4).containsEntry("usersCreated", 4);
		ResponseEntity<Map<String, Object>> again = upload(file, "organisation.xlsx");
		assertThat(again.getBody()).as("importing the same file again changes nothing")
			.containsEntry("usersCreated", 0).containsEntry("usersUpdated", 4);
		assertThat(identityService.createUserQuery().memberOfGroup("village-V51").count()).isEqualTo(2);

		assertThat(rest.withBasicAuth("s51-agent-a", INITIAL).getForEntity("/api/matters?villageCode=V51", String.class)
			.getBody()).contains("首次登录须先修改初始密码");
		assertThat(webappLogin("s51-agent-a", INITIAL, "tasklist")).isEqualTo(HttpStatus.FORBIDDEN);
		changePassword("s51-agent-a", "Agent-own-pw1");
		changePassword("s51-clerk", "Clerk-own-pw1");
		assertThat(webappLogin("s51-agent-a", "Agent-own-pw1", "tasklist")).isEqualTo(HttpStatus.OK);
		assertThat(webappLogin("s51-clerk", "Clerk-own-pw1", "tasklist")).isEqualTo(HttpStatus.OK);
		assertThat(webappLogin("s51-clerk", "Clerk-own-pw1", "cockpit").is4xxClientError()).isTrue();
		assertThat(filters("s51-agent-a", "Agent-own-pw1")).contains("本村待办");

		HttpHeaders headers = json("s51-agent-a", "Agent-own-pw1");
		ResponseEntity<Map<String, Object>> accepted = rest.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>("""
				{"villageCode":"V51","serviceItemCode":"MZ-004","channel":"HOME",
				 "resident":{"name":"陈阿婆","phone":"13900003333"},"description":"上门代办"}""", headers), JSON);
		assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.CREATED);
		String matterNo = (String) accepted.getBody().get("matterNo");
		String instanceId = (String) accepted.getBody().get("processInstanceId");
		assertThat(matterNo).startsWith("T51-");

		String handling = onlyTask("s51-clerk", "Clerk-own-pw1", instanceId);
		post("s51-clerk", "Clerk-own-pw1", "/engine-rest/task/" + handling + "/claim", "{\"userId\":\"s51-clerk\"}");
		post("s51-clerk", "Clerk-own-pw1", "/engine-rest/task/" + handling + "/complete",
				"{\"variables\":{\"outcome\":{\"value\":\"DONE\"},\"reply\":{\"value\":\"津贴已核准发放\"}}}");
		String signOff = onlyTask("s51-agent-a", "Agent-own-pw1", instanceId);
		post("s51-agent-a", "Agent-own-pw1", "/engine-rest/task/" + signOff + "/claim", "{\"userId\":\"s51-agent-a\"}");
		post("s51-agent-a", "Agent-own-pw1", "/engine-rest/task/" + signOff + "/complete",
				"{\"variables\":{\"residentConfirmed\":{\"value\":\"true\"},\"rating\":{\"value\":\"5\"}}}");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 1);
		Map<String, Object> matter = rest.withBasicAuth("s51-agent-a", "Agent-own-pw1")
			.exchange("/api/matters/" + matterNo, HttpMethod.GET, null, JSON)
			.getBody();
		assertThat(matter).containsEntry("status", "CLOSED").containsEntry("handlerId", "s51-clerk");
		assertThat(tasks("s51-clerk", "Clerk-own-pw1", instanceId)).isEmpty();
	}

	@Test
	void shouldRefuseAFileWithErrorsWholeNamingRowAndColumn() {
		long townships = jdbc.sql("SELECT COUNT(*) FROM township").query(Long.class).single();
		String csv = """
				类别,编码,名称,所属编码,电话,电子邮箱,角色,岗位
				镇,T61,和平镇,,0573-84500061,,,
				村,V61,东村,T61,,,,
				人员,t61-agent,赵六,V61,12345,,代办员,A
				人员,t61-clerk,钱七,T99,13900000061,,办事员,
				人员,t61-other,孙八,V61,13900000062,,代办员,C
				""";
		ResponseEntity<Map<String, Object>> response = csv(csv);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message")).contains("第4行「电话」")
			.contains("第5行「所属编码」：镇 T99 既不在本文件中，也尚未导入")
			.contains("第6行「岗位」：代办员的岗位应为 A 或 B");
		assertThat((List<?>) response.getBody().get("problems")).hasSize(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM township").query(Long.class).single()).as("nothing applied")
			.isEqualTo(townships);
		assertThat(identityService.createGroupQuery().groupId("village-V61").count()).isZero();
		assertThat(rest.withBasicAuth("t61-agent", "x").getForEntity("/api/admin/organisation/template.xlsx", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldGrantGroupsMadeThroughTheEngineRestApiAndRepairLostGrantsAtStartUp() {
		post(ProductionProfile.ADMIN, ProductionProfile.ADMIN_PASSWORD, "/engine-rest/group/create",
				"{\"id\":\"village-V71\",\"name\":\"北村代办点\",\"type\":\"VILLAGE\"}");
		post(ProductionProfile.ADMIN, ProductionProfile.ADMIN_PASSWORD, "/engine-rest/user/create",
				"{\"profile\":{\"id\":\"v71-agent\",\"firstName\":\"周九\",\"lastName\":\"\"},\"credentials\":{\"password\":\"Zhou-pw-71\"}}");
		rest.withBasicAuth(ProductionProfile.ADMIN, ProductionProfile.ADMIN_PASSWORD)
			.exchange("/engine-rest/group/village-V71/members/v71-agent", HttpMethod.PUT, null, String.class);

		assertThat(webappLogin("v71-agent", "Zhou-pw-71", "tasklist")).isEqualTo(HttpStatus.OK);
		assertThat(filters("v71-agent", "Zhou-pw-71")).contains("本村待办");
		assertThat(startable("v71-agent", "Zhou-pw-71")).contains("proxy-matter");

		var lost = authorizationService.createAuthorizationQuery()
			.groupIdIn("village-V71")
			.resourceType(Resources.APPLICATION)
			.resourceId("tasklist")
			.singleResult();
		authorizationService.deleteAuthorization(lost.getId());
		assertThat(webappLogin("v71-agent", "Zhou-pw-71", "tasklist").is4xxClientError()).isTrue();

		reconciliation.run(null);

		assertThat(authorizationService.isUserAuthorized("v71-agent", List.of("village-V71"), Permissions.ACCESS,
				Resources.APPLICATION, "tasklist")).isTrue();
	}

	/** The downloaded template with its example rows replaced by one township, two villages and four people. */
	private byte[] township(String code, String name, String village1, String village2, String prefix)
			throws IOException {
		ResponseEntity<byte[]> template = rest.withBasicAuth(ProductionProfile.ADMIN, ProductionProfile.ADMIN_PASSWORD)
			.getForEntity("/api/admin/organisation/template.xlsx", byte[].class);
		assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("类别");
			for (int r = sheet.getLastRowNum(); r >= 1; r--) {
				sheet.removeRow(sheet.getRow(r));
			}
			List<List<String>> rows = List.of(List.of("镇", code, name, "", "0573-84500051", "", "", ""),
					List.of("村", village1, "东塘村", code, "", "", "", ""),
					List.of("村", village2, "西塘村", code, "", "", "", ""),
					List.of("人员", prefix + "-agent-a", "张伟", village1, "13800000051", prefix + "a@example.cn", "代办员", "A"),
					List.of("人员", prefix + "-agent-b", "李娜", village1, "13800000052", "", "代办员", "B"),
					List.of("人员", prefix + "-clerk", "王芳", code, "13900000051", prefix + "c@example.cn", "办事员", ""),
					List.of("人员", prefix + "-supervisor", "刘洋", code, "13900000052", "", "督查员", ""));
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private ResponseEntity<Map<String, Object>> upload(byte[] content, String filename) {
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("file", new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return filename;
			}

		});
		body.add("initialPassword", INITIAL);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setBasicAuth(ProductionProfile.ADMIN, ProductionProfile.ADMIN_PASSWORD);
		return rest.exchange("/api/admin/organisation", HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
	}

	private ResponseEntity<Map<String, Object>> csv(String content) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/csv;charset=UTF-8"));
		headers.setBasicAuth(ProductionProfile.ADMIN, ProductionProfile.ADMIN_PASSWORD);
		headers.set(OrganisationImportController.PASSWORD_HEADER, INITIAL);
		return rest.exchange("/api/admin/organisation", HttpMethod.POST,
				new HttpEntity<>(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), JSON);
	}

	private void changePassword(String user, String newPassword) {
		ResponseEntity<String> response = rest.exchange("/api/account/password", HttpMethod.POST,
				new HttpEntity<>("{\"newPassword\":\"" + newPassword + "\"}", json(user, INITIAL)), String.class);
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
	}

	private String filters(String user, String password) {
		return rest.withBasicAuth(user, password).getForEntity("/engine-rest/filter", String.class).getBody();
	}

	private String startable(String user, String password) {
		return rest.withBasicAuth(user, password)
			.getForEntity("/engine-rest/process-definition?startablePermissionCheck=true&startableInTasklist=true&latestVersion=true",
					String.class)
			.getBody();
	}

	private String onlyTask(String user, String password, String instanceId) {
		await().atMost(Duration.ofSeconds(10)).until(() -> tasks(user, password, instanceId).size() == 1);
		return (String) tasks(user, password, instanceId).get(0).get("id");
	}

	private List<Map<String, Object>> tasks(String user, String password, String instanceId) {
		return rest.withBasicAuth(user, password)
			.exchange("/engine-rest/task?processInstanceId=" + instanceId, HttpMethod.GET, null, JSON_LIST)
			.getBody();
	}

	private void post(String user, String password, String path, String body) {
		ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, json(user, password)),
				String.class);
		assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s → %s", user, path, response.getBody()).isTrue();
	}

	private static HttpHeaders json(String user, String password) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, password);
		return headers;
	}

	/** Logs in like the webapp's login page does: fetch a page for the CSRF token and session, then post the form. */
	private HttpStatus webappLogin(String user, String password, String app) {
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
		form.add("password", password);
		return HttpStatus.valueOf(rest
			.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST, new HttpEntity<>(form, headers),
					String.class)
			.getStatusCode()
			.value());
	}

}
