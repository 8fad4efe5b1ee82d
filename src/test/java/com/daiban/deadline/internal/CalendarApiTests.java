package com.daiban.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.daiban.deadline.DeadlineCalendar;
import com.daiban.deadline.WorkingCalendar;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.TestClock;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.springframework.util.LinkedMultiValueMap;

/** The calendar as administrators maintain it over HTTP, and what a change does to the limits counted afterwards. */
@DaibanSpringBootTest
class CalendarApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String NEW_YEAR_2027 = """
			# 国务院办公厅关于2027年部分节假日安排的通知（测试用）
			date	kind	name
			2027-01-01	OFF	元旦
			2027-01-02	OFF	元旦
			2027-01-03	OFF	元旦
			""";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	HeldWorkingCalendar held;

	@Autowired
	DeadlineCalendar deadlines;

	@Autowired
	CalendarCoverage coverage;

	@AfterEach
	void removeWhatTheTestAdded() {
		jdbc.sql("DELETE FROM calendar_day WHERE calendar_date >= DATE '2027-01-01' OR scope <> 'CN'").update();
		jdbc.sql("DELETE FROM service_hours").update();
		jdbc.sql("DELETE FROM notification_outbox WHERE kind = 'CALENDAR'").update();
		held.refresh();
		TestClock.reset();
	}

	@Test
	void shouldCountNextYearsHolidaysOnceAnAdministratorUploadsThem() {
		TestClock.set("2026-12-31T10:00:00+08:00");
		assertThat(health()).startsWith("{\"status\":\"UP\"").containsPattern("\"workingCalendar\":\\{[^}]*2027[^}]*\"status\":\"WARNING\"");
		assertThat(calendar.plusWorkingDays("T01", TestClock.now(), 1)).isEqualTo(at("2027-01-01T10:00:00+08:00"));

		ResponseEntity<Map<String, Object>> upload = upload("admin", "2027.tsv", NEW_YEAR_2027.getBytes(StandardCharsets.UTF_8));

		assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(upload.getBody()).containsEntry("rows", 3).containsEntry("changed", 3);
		assertThat(calendar.plusWorkingDays("T01", TestClock.now(), 1)).isEqualTo(at("2027-01-04T10:00:00+08:00"));
		assertThat(deadlines.promise("T01", "P1D", null).dueAt()).isEqualTo(at("2027-01-04T10:00:00+08:00"));
		assertThat(health()).contains("\"workingCalendar\":{\"status\":\"UP\"");
		assertThat(audit()).filteredOn(row -> ((String) row.get("subject")).startsWith("2027-"))
			.hasSize(3)
			.allSatisfy(row -> assertThat(row).containsEntry("changedBy", "admin")
				.containsEntry("scope", "CN")
				.containsEntry("action", "ADD"))
			.extracting(row -> row.get("subject"))
			.containsExactlyInAnyOrder("2027-01-01", "2027-01-02", "2027-01-03");

		// the same file again changes nothing and writes no audit row
		int auditRows = audit().size();
		assertThat(upload("admin", "2027.tsv", NEW_YEAR_2027.getBytes(StandardCharsets.UTF_8)).getBody())
			.containsEntry("changed", 0);
		assertThat(audit()).hasSize(auditRows);
	}

	@Test
	void shouldReadTheSameColumnsFromAnExcelSheet() throws IOException {
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet("2027");
			String[][] rows = { { "日期", "类型", "名称" }, { "2027-02-06", "OFF", "春节" }, { "2027-02-20", "WORK", "春节" } };
			for (int i = 0; i < rows.length; i++) {
				var row = sheet.createRow(i);
				for (int j = 0; j < 3; j++) {
					row.createCell(j).setCellValue(rows[i][j]);
				}
			}
			workbook.write(xlsx);
		}
		assertThat(upload("admin", "2027.xlsx", xlsx.toByteArray()).getBody()).containsEntry("rows", 2);
		assertThat(calendar.isWorkingDay("T01", java.time.LocalDate.parse("2027-02-20"))).isTrue();
		assertThat(calendar.isWorkingDay("T01", java.time.LocalDate.parse("2027-02-06"))).isFalse();
	}

	@Test
	void shouldRefuseABadRowNamingItAndChangeNothing() {
		String file = NEW_YEAR_2027 + "2027-13-01\tOFF\t春节\n";
		ResponseEntity<Map<String, Object>> response = upload("admin", "2027.tsv", file.getBytes(StandardCharsets.UTF_8));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).containsEntry("field", "file");
		assertThat((String) response.getBody().get("message")).contains("第 6 行").contains("日期");
		assertThat(days(2027)).isZero();

		ResponseEntity<Map<String, Object>> weekday = post("admin", "/api/calendar/days",
				"{\"date\":\"2027-01-05\",\"kind\":\"WORK\",\"name\":\"调休\"}");
		assertThat(weekday.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(weekday.getBody()).containsEntry("field", "kind");
		assertThat(post("admin", "/api/calendar/days", "{\"date\":\"2027-01-02\",\"kind\":\"OFF\",\"name\":\"元旦\",\"township\":\"T99\"}")
			.getBody()).containsEntry("field", "township");
		assertThat(days(2027)).isZero();
	}

	@Test
	void shouldLetOnlyAdministratorsChangeTheCalendar() {
		assertThat(post("supervisor-t01", "/api/calendar/days", "{\"date\":\"2027-01-01\",\"kind\":\"OFF\",\"name\":\"元旦\"}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(upload("clerk-t01", "2027.tsv", NEW_YEAR_2027.getBytes(StandardCharsets.UTF_8)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(days(2027)).isZero();
		assertThat(rest.withBasicAuth("clerk-t01", "demo").exchange("/api/calendar/days?year=2026", HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).getBody()).hasSize(39);
	}

	@Test
	void shouldCountATownshipsOwnClosureAndHours() {
		TestClock.set("2026-11-25T17:45:00+08:00");
		assertThat(post("admin", "/api/calendar/days", "{\"date\":\"2026-11-26\",\"kind\":\"OFF\",\"name\":\"镇中心搬迁闭馆\",\"township\":\"T01\"}")
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(put("admin", "/api/calendar/hours/T02", "{\"opensAt\":\"08:30\",\"closesAt\":\"18:00\"}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		// T01 is closed at 17:45 and on Thursday: counting starts Friday 08:30
		assertThat(deadlines.promise("T01", "P1D", null).dueAt()).isEqualTo(at("2026-11-30T08:30:00+08:00"));
		// T02 is still open at 17:45 and not closed on Thursday
		assertThat(deadlines.promise("T02", "P1D", null).dueAt()).isEqualTo(at("2026-11-26T17:45:00+08:00"));

		assertThat(put("admin", "/api/calendar/hours/T02", "{\"opensAt\":\"08:30\",\"closesAt\":\"18:00\",\"lunchFrom\":\"12:00\"}")
			.getBody()).containsEntry("field", "lunchFrom");
		assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/calendar/days/2026-11-26?township=T01",
				HttpMethod.DELETE, null, Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(calendar.isWorkingDay("T01", java.time.LocalDate.parse("2026-11-26"))).isTrue();
		assertThat(audit()).extracting(row -> row.get("action")).contains("ADD", "HOURS", "REMOVE");
	}

	@Test
	void shouldTellAdministratorsInDecemberWhenNextYearIsMissing() {
		TestClock.set("2026-11-30T10:00:00+08:00");
		coverage.tellAdministrators();
		assertThat(notices()).isZero();

		TestClock.set("2026-12-01T10:00:00+08:00");
		coverage.tellAdministrators();
		coverage.tellAdministrators();
		assertThat(notices()).as("one notice a day").isOne();
		assertThat(jdbc.sql("SELECT recipient_id FROM notification_outbox WHERE kind = 'CALENDAR'").query(String.class).list())
			.contains("admin");
	}

	private long notices() {
		return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE kind = 'CALENDAR'").query(Long.class).single();
	}

	private long days(int year) {
		return jdbc.sql("SELECT COUNT(*) FROM calendar_day WHERE calendar_date BETWEEN ? AND ?")
			.params(java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year, 12, 31))
			.query(Long.class)
			.single();
	}

	private String health() {
		return rest.getForEntity("/actuator/health", String.class).getBody();
	}

	private List<Map<String, Object>> audit() {
		return rest.withBasicAuth("admin", "demo")
			.exchange("/api/calendar/audit", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.getBody();
	}

	private ResponseEntity<Map<String, Object>> upload(String user, String fileName, byte[] content) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth(user, "demo")
			.exchange("/api/calendar/days/upload", HttpMethod.POST, new HttpEntity<>(form, headers), JSON);
	}

	private ResponseEntity<Map<String, Object>> post(String user, String path, String body) {
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, json()), JSON);
	}

	private ResponseEntity<Map<String, Object>> put(String user, String path, String body) {
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, json()), JSON);
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static Instant at(String instant) {
		return OffsetDateTime.parse(instant).toInstant();
	}

}
