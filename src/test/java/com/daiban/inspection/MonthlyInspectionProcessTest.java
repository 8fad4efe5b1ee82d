package com.daiban.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.daiban.complaint.ComplaintDraft;
import com.daiban.complaint.Complaints;
import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.negativelist.NegativeListReason;
import com.daiban.negativelist.NegativeListStatus;
import com.daiban.report.Assessment;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ProcessDriver;
import com.daiban.support.ModelCoverage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

/**
 * One test per path through processes/monthly-inspection.bpmn, and the reports built on the month it inspects. The
 * matters are created now and then moved into last month (every timestamp shifted alike), which is what the monthly
 * timer inspects.
 */
@DaibanSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyInspectionProcessTest {

	private static final Caller AGENT_V01 = new Caller("agent-v01-a", List.of("village-V01"));

	private static final Caller AGENT_V06 = new Caller("agent-v06-a", List.of("village-V06"));

	@Autowired
	ProcessDriver driver;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	HistoryService historyService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	org.camunda.bpm.engine.FormService formService;

	@Autowired
	MatterIntake intake;

	@Autowired
	MatterLedger ledger;

	@Autowired
	Complaints complaints;

	@Autowired
	NegativeList negativeList;

	@Autowired
	Inspections inspections;

	@Autowired
	Assessment assessment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestRestTemplate rest;

	private final List<String> started = new ArrayList<>();

	private YearMonth lastMonth;

	private ProcessInstance inspection;

	private String onTime, unsigned, withdrawn, late, reworked, otherTownship;

	@BeforeAll
	void lastMonthInV01AndV06() {
		lastMonth = inspections.lastMonth();
		onTime = accept(AGENT_V01, "V01");
		handle(onTime);
		signOff(onTime, "true", "5");
		unsigned = accept(AGENT_V01, "V01");
		handle(unsigned);
		withdrawn = accept(AGENT_V01, "V01");
		// without an engine authentication, as ProxyMatterProcessTest does: an agent's engine grants do not cover the
		// withdrawal message (found here; reported to the lead)
		intake.withdraw(withdrawn, "委托人自行办理", AGENT_V01);
		late = accept(AGENT_V01, "V01");
		driver.executeJob(processOf(late), "Event_DeadlinePassed");
		reworked = accept(AGENT_V01, "V01");
		handle(reworked);
		signOff(reworked, "false", "2");
		otherTownship = accept(AGENT_V06, "V06");
		String complaintNo = driver.as("agent-v01-a", "village-V01", () -> complaints.file(
				new ComplaintDraft(null, "V01", null, "王秀英", "13900001111", "代办员不在岗"), AGENT_V01));

		// move it all to the middle of last month, keeping every interval as it was
		OffsetDateTime target = lastMonth.atDay(15).atTime(10, 0).atZone(inspections.zone()).toOffsetDateTime();
		Duration shift = Duration.between(OffsetDateTime.now(), target);
		for (String matterNo : List.of(onTime, unsigned, withdrawn, late, reworked, otherTownship)) {
			shiftMatter(matterNo, shift);
		}
		for (NegativeListEntry e : negativeList.ofMatter(late)) {
			jdbc.sql("UPDATE negative_list_entry SET recorded_at = ?, record_year = ? WHERE id = ?")
				.params(e.recordedAt().plus(shift), lastMonth.getYear(), e.id())
				.update();
		}
		jdbc.sql("UPDATE complaint SET filed_at = ? WHERE complaint_no = ?").params(target, complaintNo).update();

		// the month's inspection, as the timer on the 1st starts it
		Job timer = managementService.createJobQuery()
			.processDefinitionKey("monthly-inspection")
			.timers()
			.list()
			.stream()
			.filter(job -> job.getProcessInstanceId() == null)
			.findFirst()
			.orElseThrow();
		managementService.executeJob(timer.getId());
		inspection = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("monthly-inspection")
			.variableValueEquals("inspectionMonth", lastMonth.toString())
			.active()
			.list()
			.get(0);
		started.add(inspection.getId());
	}

	@AfterAll
	void coverAtLeastNinetyPercentOfTheModel() {
		ModelCoverage.assertFlowNodeCoverage(repositoryService, historyService, "monthly-inspection", started, 0.9);
	}

	@Test
	void monthlyReviewConfirmsAndStrikesEntriesOfOnlyItsTownshipAndTheAssessmentFollows() {
		ProcessInstance instance = inspection;

		Task review = reviewTask(instance, "supervision-T01");
		assertThat(taskService.getIdentityLinksForTask(review.getId()).stream().filter(l -> "candidate".equals(l.getType()))
			.map(IdentityLink::getGroupId)).containsExactly("supervision-T01");
		long inspectionId = ((Number) taskService.getVariable(review.getId(), "inspectionId")).longValue();
		List<NegativeListEntry> proposals = inspections.proposals(inspectionId);
		assertThat(proposals).allSatisfy(e -> assertThat(e.townshipCode()).isEqualTo("T01"));
		assertThat(proposals).extracting(NegativeListEntry::matterNo).contains(late, unsigned, reworked)
			.doesNotContain(otherTownship, onTime, withdrawn);
		String listing = (String) taskService.getVariable(review.getId(), "proposalList");
		assertThat(listing).contains(late, unsigned, reworked).doesNotContain(otherTownship);

		// the figures are those of the matters made above; the reworked matter is open again past its (shifted) promise,
		// so it is late as well as rejected
		InspectionReport t01 = inspections.find("T01", lastMonth.toString()).orElseThrow();
		assertThat(List.of(t01.acceptedCount(), t01.onTimeCount(), t01.lateCount(), t01.unsignedCount(),
				t01.rejectedCount(), t01.withdrawnCount(), t01.complaintCount())).containsExactly(5, 2, 2, 1, 1, 1, 1);
		InspectionReport t02 = inspections.find("T02", lastMonth.toString()).orElseThrow();
		assertThat(t02.acceptedCount()).isEqualTo(1);
		assertThat(reviewTask(instance, "supervision-T02")).isNotNull();

		long lateEntry = entryOf(proposals, late, NegativeListReason.OVERDUE);
		long unsignedEntry = entryOf(proposals, unsigned, NegativeListReason.UNSIGNED);
		long reworkEntry = entryOf(proposals, reworked, NegativeListReason.REWORK);

		// undecided entries and a strike without a reason refuse the completion; nothing is decided by it
		assertThatThrownBy(() -> complete(review, "supervisor-t01", "supervision-T01", lateEntry + " 确认"))
			.hasMessageContaining("尚未复核");
		assertThatThrownBy(() -> complete(review, "supervisor-t01", "supervision-T01",
				lateEntry + " 确认\n" + unsignedEntry + " 撤销\n" + reworkEntry + " 确认")).hasMessageContaining("理由");
		assertThat(negativeList.find(lateEntry).orElseThrow().status()).isEqualTo(NegativeListStatus.PROPOSED);

		// the office may decide entry by entry through the API; the form decides the rest
		ResponseEntity<Map<String, Object>> decided = decide("supervisor-t01", inspectionId,
				List.of(Map.of("entryId", unsignedEntry, "decision", "STRIKE", "note", "委托人已补签")));
		assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.OK);
		complete(review, "supervisor-t01", "supervision-T01", lateEntry + " 确认\n" + reworkEntry + " 确认 重办属实");

		NegativeListEntry confirmed = negativeList.find(lateEntry).orElseThrow();
		assertThat(confirmed.status()).isEqualTo(NegativeListStatus.CONFIRMED);
		assertThat(confirmed.reviewedBy()).isEqualTo("supervisor-t01");
		assertThat(confirmed.reviewedAt()).isNotNull();
		NegativeListEntry struck = negativeList.find(unsignedEntry).orElseThrow();
		assertThat(struck.status()).isEqualTo(NegativeListStatus.STRUCK);
		assertThat(struck.reviewNote()).isEqualTo("委托人已补签");
		assertThat(inspections.find(inspectionId).orElseThrow().reviewedBy()).isEqualTo("supervisor-t01");

		Task t02Review = reviewTask(instance, "supervision-T02");
		long t02Id = ((Number) taskService.getVariable(t02Review.getId(), "inspectionId")).longValue();
		String t02Decisions = inspections.proposals(t02Id).stream().map(e -> e.id() + " 撤销 测试外的条目")
			.collect(Collectors.joining("\n"));
		complete(t02Review, "supervisor-t02", "supervision-T02", t02Decisions);
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count())
			.isEqualTo(1);

		// struck entries stay out of the year-end assessment
		Assessment.Row v01 = assessment.of(lastMonth.getYear())
			.stream()
			.filter(r -> r.level().equals("VILLAGE") && r.unit().equals("V01"))
			.findFirst()
			.orElseThrow();
		assertThat(v01.negativeByReason()).doesNotContainKey(NegativeListReason.UNSIGNED);
		assertThat(v01.negativeByReason().get(NegativeListReason.OVERDUE)).isGreaterThanOrEqualTo(1);
		assertThat(v01.negativeByReason().get(NegativeListReason.REWORK)).isGreaterThanOrEqualTo(1);
		assertThat(v01.rates().accepted()).isGreaterThanOrEqualTo(5);
		assertThat(v01.score()).isLessThan(v01.baseScore());
		// a village without a matter that year is not graded, and never a model unit
		assertThat(assessment.of(lastMonth.getYear()))
			.filteredOn(r -> r.level().equals("VILLAGE") && r.rates().accepted() == r.rates().withdrawn())
			.isNotEmpty()
			.allSatisfy(r -> {
				assertThat(r.grade()).isEqualTo(Assessment.NOT_RATED);
				assertThat(r.modelUnitEligible()).isFalse();
			});

		List<Map<String, Object>> list = getJson("supervisor-t01",
				"/api/reports/negative-list?year=" + lastMonth.getYear() + "&village=V01");
		assertThat(list).anySatisfy(e -> {
			assertThat(e.get("matterNo")).isEqualTo(unsigned);
			assertThat(e.get("status")).isEqualTo("STRUCK");
		});
	}

	@Test
	void supervisionOfficeReinspectsAGivenMonthFromTheStartForm() {
		String definitionId = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("monthly-inspection")
			.latestVersion()
			.singleResult()
			.getId();
		// as the supervision office would from Tasklist, with the start form
		ProcessInstance instance = driver.as("supervisor-t01", "supervision-T01",
				() -> formService.submitStartForm(definitionId, Map.of("inspectionMonth", "2020-02")));
		started.add(instance.getId());
		Task t01 = reviewTask(instance, "supervision-T01");
		assertThat(taskService.getVariable(t01.getId(), "reportSummary")).asString().contains("2020-02").contains("受理 0 件");
		complete(t01, "supervisor-t01", "supervision-T01", "");
		complete(reviewTask(instance, "supervision-T02"), "supervisor-t02", "supervision-T02", "");
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count())
			.isEqualTo(1);
	}

	@Test
	void ledgerWorkbookOfV01HasChineseHeadersAndOneRowPerMatterOfTheMonth() throws Exception {
		ResponseEntity<byte[]> response = rest.withBasicAuth("agent-v01-a", "demo")
			.getForEntity("/api/reports/ledger.xlsx?village=V01&month=" + lastMonth, byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<MatterRecord> matters = ledger.ofVillage("V01", inspections.start(lastMonth), inspections.start(lastMonth.plusMonths(1)));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(1);
			List<String> headers = new ArrayList<>();
			header.forEach(cell -> headers.add(cell.getStringCellValue()));
			assertThat(headers).containsExactly("序号", "事项编号", "受理时间", "委托人", "承办人", "代办人及联系方式", "代办事项内容",
					"办理时限", "办结情况", "委托人签字确认");
			assertThat(sheet.getLastRowNum() - 1).isEqualTo(matters.size());
			List<String> numbers = new ArrayList<>();
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				numbers.add(sheet.getRow(r).getCell(1).getStringCellValue());
			}
			assertThat(numbers).contains(onTime, unsigned, withdrawn, late, reworked).doesNotContain(otherTownship);
			int onTimeRow = numbers.indexOf(onTime) + 2;
			assertThat(sheet.getRow(onTimeRow).getCell(4).getStringCellValue()).isNotBlank();
			assertThat(sheet.getRow(onTimeRow).getCell(5).getStringCellValue()).contains("1380000");
			assertThat(sheet.getRow(onTimeRow).getCell(8).getStringCellValue()).contains("按时");
			assertThat(sheet.getRow(onTimeRow).getCell(9).getStringCellValue()).contains("已签字");
			int withdrawnRow = numbers.indexOf(withdrawn) + 2;
			assertThat(sheet.getRow(withdrawnRow).getCell(8).getStringCellValue()).contains("撤回");
		}
		List<Map<String, Object>> json = getJson("clerk-t01", "/api/reports/ledger?village=V01&month=" + lastMonth);
		assertThat(json).hasSize(matters.size());
		ResponseEntity<String> html = rest.withBasicAuth("supervisor-t01", "demo")
			.getForEntity("/api/reports/ledger.html?village=V01&month=" + lastMonth, String.class);
		assertThat(html.getBody()).contains("代办事项服务登记表").contains(onTime).contains("<table>");
		ResponseEntity<String> empty = rest.withBasicAuth("agent-v01-a", "demo")
			.getForEntity("/api/reports/ledger.html?village=V01&month=2020-02", String.class);
		assertThat(empty.getBody()).contains("无记录");
	}

	@Test
	void otherReportsRenderAsJsonWorkbookAndPage() throws Exception {
		String year = String.valueOf(lastMonth.getYear());
		for (String path : List.of("/api/reports/negative-list.xlsx?year=" + year, "/api/reports/assessment.xlsx?year=" + year,
				"/api/reports/inspection.xlsx?township=T01&month=" + lastMonth)) {
			ResponseEntity<byte[]> response = rest.withBasicAuth("supervisor-t01", "demo").getForEntity(path, byte[].class);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
				assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).as(path).isIn("序号", "类别", "项目");
				assertThat(workbook.getSheetAt(0).getLastRowNum()).as(path).isGreaterThanOrEqualTo(2);
			}
		}
		List<Map<String, Object>> rows = getJson("clerk-t01", "/api/reports/assessment?year=" + year);
		assertThat(rows).extracting(r -> r.get("townshipCode")).containsOnly("T01");
		assertThat(rows).anySatisfy(r -> assertThat(r.get("unit")).isEqualTo("agent-v01-a"));
		ResponseEntity<String> page = rest.withBasicAuth("supervisor-t01", "demo")
			.getForEntity("/api/reports/inspection.html?township=T01&month=" + lastMonth, String.class);
		assertThat(page.getBody()).contains("月度检查报告").contains(late);
	}

	@Test
	void reportsAreScopedToTheCallersVillageOrTownship() {
		String month = lastMonth.toString();
		assertStatus("agent-v06-a", "/api/reports/ledger?village=V01&month=" + month, HttpStatus.FORBIDDEN);
		assertStatus("clerk-t02", "/api/reports/ledger.xlsx?village=V01&month=" + month, HttpStatus.FORBIDDEN);
		assertStatus("supervisor-t02", "/api/reports/inspection?township=T01&month=" + month, HttpStatus.FORBIDDEN);
		assertStatus("analyst", "/api/reports/assessment?year=" + lastMonth.getYear(), HttpStatus.FORBIDDEN);
		assertStatus("clerk-city", "/api/reports/negative-list?year=" + lastMonth.getYear(), HttpStatus.FORBIDDEN);
		assertStatus("agent-v01-a", "/api/reports/ledger?village=V99&month=" + month, HttpStatus.BAD_REQUEST);
		assertStatus("agent-v01-a", "/api/reports/ledger?village=V01&month=2026-13", HttpStatus.BAD_REQUEST);
		assertStatus("agent-v01-a", "/api/reports/ledger?village=V01", HttpStatus.BAD_REQUEST);
		assertStatus("agent-v01-a", "/api/reports/assessment?year=abc", HttpStatus.BAD_REQUEST);
		assertStatus("agent-v01-a", "/api/reports/negative-list?year=99", HttpStatus.BAD_REQUEST);
		List<Map<String, Object>> v06 = getJson("agent-v06-a", "/api/reports/negative-list?year=" + lastMonth.getYear());
		assertThat(v06).allSatisfy(e -> assertThat(e.get("villageCode")).isEqualTo("V06"));

		long t01Inspection = inspections.find("T01", month).orElseThrow().id();
		assertThat(decide("clerk-t01", t01Inspection, List.of(Map.of("entryId", 1, "decision", "CONFIRM"))).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(decide("supervisor-t02", t01Inspection, List.of(Map.of("entryId", 1, "decision", "CONFIRM"))).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(decide("supervisor-t01", t01Inspection, List.of(Map.of("entryId", 1, "decision", "MAYBE"))).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(decide("supervisor-t01", t01Inspection, List.of(Map.of("entryId", Long.MAX_VALUE, "decision", "CONFIRM")))
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	// ---- helpers

	private long entryOf(List<NegativeListEntry> proposals, String matterNo, NegativeListReason reason) {
		return proposals.stream()
			.filter(e -> matterNo.equals(e.matterNo()) && reason == e.reason())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + reason + " entry for " + matterNo))
			.id();
	}

	private Task reviewTask(ProcessInstance instance, String group) {
		return taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey("Task_ReviewNegativeList")
			.taskCandidateGroup(group)
			.singleResult();
	}

	private void complete(Task task, String user, String group, String decisions) {
		driver.as(user, group, () -> {
			taskService.complete(task.getId(), Map.of("reviewDecisions", decisions));
			return null;
		});
	}

	private String accept(Caller agent, String village) {
		AcceptedMatter matter = driver.as(agent.userId(), "village-" + village, () -> intake.accept(new MatterDraft(village,
				"MZ-001", Channel.OFFICE, "王秀英", "13900001111", "低保申请", agent.userId()), agent));
		return matter.matterNo();
	}

	private ProcessInstance processOf(String matterNo) {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey("proxy-matter").processInstanceBusinessKey(matterNo).singleResult();
	}

	private void handle(String matterNo) {
		driver.as("clerk-t01", "township-T01", () -> {
			Task task = taskService.createTaskQuery().processInstanceId(processOf(matterNo).getId())
				.taskDefinitionKey("Task_HandleMatter").singleResult();
			taskService.claim(task.getId(), "clerk-t01");
			taskService.complete(task.getId(), Map.of("outcome", "DONE", "reply", "已办结"));
			return null;
		});
	}

	private void signOff(String matterNo, String confirmed, String rating) {
		driver.as("agent-v01-a", "village-V01", () -> {
			Task task = taskService.createTaskQuery().processInstanceId(processOf(matterNo).getId())
				.taskDefinitionKey("Task_ConfirmSignOff").singleResult();
			taskService.claim(task.getId(), "agent-v01-a");
			taskService.complete(task.getId(), Map.of("residentConfirmed", confirmed, "rating", rating));
			return null;
		});
	}

	private void shiftMatter(String matterNo, Duration shift) {
		MatterRecord m = ledger.find(matterNo).orElseThrow();
		jdbc.sql("""
				UPDATE matter SET accepted_at = ?, due_at = ?, completed_at = ?, signed_off_at = ?, closed_at = ?
				WHERE matter_no = ?
				""")
			.params(plus(m.acceptedAt(), shift), plus(m.dueAt(), shift), plus(m.completedAt(), shift),
					plus(m.signedOffAt(), shift), plus(m.closedAt(), shift), matterNo)
			.update();
	}

	private static OffsetDateTime plus(OffsetDateTime time, Duration shift) {
		return time == null ? null : time.plus(shift);
	}

	private List<Map<String, Object>> getJson(String user, String path) {
		ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
			});
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private void assertStatus(String user, String path, HttpStatus status) {
		ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
		assertThat(response.getStatusCode()).as("%s as %s", path, user).isEqualTo(status);
	}

	private ResponseEntity<Map<String, Object>> decide(String user, long inspectionId, List<Map<String, Object>> decisions) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo")
			.exchange("/api/inspections/" + inspectionId + "/decisions", HttpMethod.POST, new HttpEntity<>(decisions, headers),
					new ParameterizedTypeReference<Map<String, Object>>() {
					});
	}

}
