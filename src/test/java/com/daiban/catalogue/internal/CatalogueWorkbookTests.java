package com.daiban.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.daiban.support.DaibanSpringBootTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.util.LinkedMultiValueMap;

/** The catalogue is exported, edited in a spreadsheet and imported again; retired items keep their running matters. */
@DaibanSpringBootTest
class CatalogueWorkbookTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Test
	void shouldRetireAnItemWithoutBreakingItsRunningMatterAndAddANewOne() throws IOException {
		byte[] exported = export();
		ResponseEntity<Map<String, Object>> unchanged = upload(exported);
		assertThat(unchanged.getStatusCode()).as("%s", unchanged.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(unchanged.getBody()).containsEntry("created", 0).containsEntry("changed", 0);
		String instanceId = (String) accept("MZ-004").getBody().get("processInstanceId");

		ResponseEntity<Map<String, Object>> edited = upload(edit(exported, "MZ-004", "停用",
				List.of("MZ-099", "困难家庭水电费补助", "CIVIL_AFFAIRS", "民政", "民政办", "镇", "代办", "身份证、缴费单", "1", "在用")));

		assertThat(edited.getBody()).as("%s", edited.getBody()).containsEntry("created", 1).containsEntry("retired", 1);
		String offered = rest.withBasicAuth("agent-v01-a", "demo").getForEntity("/api/service-items", String.class).getBody();
		assertThat(offered).contains("MZ-099").doesNotContain("MZ-004");
		assertThat(accept("MZ-004").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(accept("MZ-099").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		// an administrator re-routes the running matter of the retired item (process instance modification)
		runtimeService.createProcessInstanceModification(instanceId)
			.cancelAllForActivity("Task_HandleMatter")
			.startBeforeActivity("Task_DecideRoute")
			.execute();
		assertThat(taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_HandleMatter")
			.taskCandidateGroup("township-T01").count()).isEqualTo(1);
	}

	@Test
	void shouldRefuseAWorkbookWithErrorsWholeNamingRowAndColumn() throws IOException {
		byte[] exported = export();
		ResponseEntity<Map<String, Object>> response = upload(edit(exported, "MZ-001", "作废",
				List.of("MZ-098", "新事项", "CIVIL_AFFAIRS", "民政", "民政办", "省", "代办", "", "1", "在用")));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("message")).contains("「状态」：应为 在用 或 停用")
			.contains("「办理层级」：应为 村、镇 或 市");
		assertThat(rest.withBasicAuth("agent-v01-a", "demo").getForEntity("/api/service-items", String.class).getBody())
			.contains("MZ-001").doesNotContain("MZ-098");
		assertThat(rest.withBasicAuth("agent-v01-a", "demo").getForEntity("/api/admin/catalogue/catalogue.xlsx",
				String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private byte[] export() {
		ResponseEntity<byte[]> response = rest.withBasicAuth("admin", "demo")
			.getForEntity("/api/admin/catalogue/catalogue.xlsx", byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	/** Sets one item's status (last column) and appends a row. */
	private static byte[] edit(byte[] workbookBytes, String code, String status, List<String> newRow) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(workbookBytes));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheetAt(0);
			int statusColumn = sheet.getRow(0).getLastCellNum() - 1;
			assertThat(sheet.getRow(0).getCell(statusColumn).getStringCellValue()).isEqualTo("状态");
			for (Row row : sheet) {
				if (row.getCell(0).getStringCellValue().equals(code)) {
					row.getCell(statusColumn).setCellValue(status);
				}
			}
			Row added = sheet.createRow(sheet.getLastRowNum() + 1);
			for (int c = 0; c < newRow.size(); c++) {
				added.createCell(c).setCellValue(newRow.get(c));
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private ResponseEntity<Map<String, Object>> upload(byte[] content) {
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("file", new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return "catalogue.xlsx";
			}

		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setBasicAuth("admin", "demo");
		return rest.exchange("/api/admin/catalogue", HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
	}

	private ResponseEntity<Map<String, Object>> accept(String item) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth("agent-v01-a", "demo");
		return rest.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>("""
				{"villageCode":"V01","serviceItemCode":"%s","channel":"HOME",
				 "resident":{"name":"陈阿婆","phone":"13900003333"},"description":"上门代办"}""".formatted(item), headers), JSON);
	}

}
