package com.daiban.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import com.daiban.matter.MatterLedger;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ModelCoverage;
import com.daiban.support.QueuedNotifications;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One test per path through processes/complaint.bpmn; timers and async steps are driven by the test. */
@DaibanSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintProcessTest {

	private static final Caller AGENT_V01 = new Caller("agent-v01-a", List.of("village-V01"));

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
	FormService formService;

	@Autowired
	MatterIntake intake;

	@Autowired
	MatterLedger ledger;

	@Autowired
	Complaints complaints;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	NegativeList negativeList;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestRestTemplate rest;

	private final List<String> started = new ArrayList<>();

	private final java.util.Date classStartedAt = new java.util.Date();

	@AfterAll
	void coverAtLeastNinetyPercentOfTheModel() {
		ModelCoverage.assertFlowNodeCoverage(repositoryService, historyService, ComplaintProcess.KEY, started, 0.9);
		ModelCoverage.assertRuleCoverage(historyService, java.nio.file.Path.of("processes/complaint-verification.dmn"),
				"complaint-verification-limit", classStartedAt, 0.9);
	}

	@Test
	void verifiedComplaintAboutV01MatterMarksNegativeListOnceAndRectificationGoesToTownshipT01Only() {
		AcceptedMatter matter = accept();
		String complaintNo = file(new ComplaintDraft(matter.matterNo(), "V01", null, "王秀英", "13900001111", "低保申请一直没有答复"));
		ProcessInstance instance = instance(complaintNo);

		// the running matter hears of it: the complaint is on its timeline
		assertThat(ledger.timeline(matter.matterNo())).anySatisfy(e -> {
			assertThat(e.kind()).isEqualTo("COMPLAINT");
			assertThat(e.detail()).contains(complaintNo);
		});
		Task verify = task(instance, ComplaintProcess.VERIFY_TASK);
		assertThat(candidateGroups(verify)).containsExactly("township-T01");
		// a complaint about a running matter is verified the same day (DMN rule MatterRunning: PT8H)
		assertThat(verify.getDueDate().toInstant()).isCloseTo(Instant.now().plus(8, ChronoUnit.HOURS), within(2, ChronoUnit.MINUTES));
		assertThat(complaints.find(complaintNo).orElseThrow().verificationDueAt()).isNotNull();

		complete(verify, "clerk-t01", "township-T01", Map.of("verificationResult", "VERIFIED", "severity", "SERIOUS",
				"verificationNote", "经查，窗口未按时办理", "accountabilityNote", "对窗口经办人予以通报批评"));

		List<NegativeListEntry> entries = negativeList.ofMatter(matter.matterNo())
			.stream()
			.filter(e -> "COMPLAINT".equals(e.reason()))
			.toList();
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).severity()).isEqualTo("SERIOUS");
		assertThat(entries.get(0).status()).isEqualTo("PROPOSED");
		assertThat(entries.get(0).townshipCode()).isEqualTo("T01");
		ComplaintRecord verified = complaints.find(complaintNo).orElseThrow();
		assertThat(verified.verified()).isTrue();
		assertThat(verified.verifiedBy()).isEqualTo("clerk-t01");
		assertThat(verified.accountabilityNote()).contains("通报批评");

		sendQueued(complaintNo);
		assertThat(notifiedRecipients(complaintNo, "COMPLAINT_VERIFIED")).containsExactly("resident:13900001111");
		Task rectify = task(instance, ComplaintProcess.RECTIFY_TASK);
		assertThat(candidateGroups(rectify)).containsExactly("township-T01");
		assertThat(visibleTasks("clerk-t02", "township-T02", instance)).isZero();
		assertThat(visibleTasks("clerk-t01", "township-T01", instance)).isEqualTo(1);
		assertThat(rectify.getDueDate()).isNotNull();

		complete(rectify, "clerk-t01", "township-T01", Map.of("rectificationNote", "已当面道歉并办结"));
		Task callback = task(instance, ComplaintProcess.CALLBACK_TASK);
		complete(callback, "clerk-t01", "township-T01", Map.of("satisfaction", "SATISFIED", "callbackNote", "电话回访，满意"));

		assertThat(ended(instance)).isTrue();
		ComplaintRecord closed = complaints.find(complaintNo).orElseThrow();
		assertThat(closed.status()).isEqualTo("CLOSED");
		assertThat(closed.rectifiedBy()).isEqualTo("clerk-t01");
		assertThat(closed.satisfaction()).isEqualTo("SATISFIED");
		assertThat(negativeList.ofMatter(matter.matterNo()).stream().filter(e -> "COMPLAINT".equals(e.reason()))).hasSize(1);
	}

	@Test
	void unverifiedComplaintGetsReasonedReplyAndCallback() {
		String complaintNo = file(new ComplaintDraft(null, "V02", null, "李建国", "13900002222", "代办员态度不好"));
		ProcessInstance instance = instance(complaintNo);
		Task verify = task(instance, ComplaintProcess.VERIFY_TASK);
		// a conduct complaint: two days to verify (DMN rule Conduct)
		assertThat(verify.getDueDate().toInstant()).isCloseTo(Instant.now().plus(2, ChronoUnit.DAYS), within(2, ChronoUnit.MINUTES));

		complete(verify, "clerk-t01", "township-T01", Map.of("verificationResult", "NOT_VERIFIED",
				"verificationNote", "经调取记录，代办员已按规定解释政策"));
		sendQueued(complaintNo);
		assertThat(notifiedRecipients(complaintNo, "COMPLAINT_NOT_VERIFIED")).containsExactly("resident:13900002222");
		assertThat(negativeList.findByKey(complaintNo + ":COMPLAINT")).isEmpty();

		complete(task(instance, ComplaintProcess.CALLBACK_TASK), "clerk-t01", "township-T01",
				Map.of("satisfaction", "BASICALLY_SATISFIED"));
		assertThat(ended(instance)).isTrue();
		ComplaintRecord closed = complaints.find(complaintNo).orElseThrow();
		assertThat(closed.verified()).isFalse();
		assertThat(closed.satisfaction()).isEqualTo("BASICALLY_SATISFIED");
	}

	@Test
	void complaintAboutAFinishedMatterGetsTheLongerVerificationLimit() {
		AcceptedMatter matter = accept();
		intake.withdraw(matter.matterNo(), "已自行办理", AGENT_V01);

		String complaintNo = file(new ComplaintDraft(matter.matterNo(), "V01", null, "王秀英", "13900001111", "撤回后仍被要求补材料"));
		ProcessInstance instance = instance(complaintNo);

		Task verify = task(instance, ComplaintProcess.VERIFY_TASK);
		assertThat(verify.getDueDate().toInstant()).isCloseTo(java.time.Instant.now().plus(java.time.Duration.ofDays(1)),
				org.assertj.core.api.Assertions.within(2, java.time.temporal.ChronoUnit.MINUTES));
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(matter.processInstanceId()).count()).isZero();
	}

	@Test
	void lateVerificationIsEscalatedToSupervisionAndTheTaskStays() {
		String complaintNo = file(new ComplaintDraft(null, "V03", ComplaintKind.OTHER, "张三", "13900003333", "代办点中午无人值班"));
		ProcessInstance instance = instance(complaintNo);

		executeJob(instance, "Event_VerificationOverdue");
		sendQueued(complaintNo);

		assertThat(notifiedRecipients(complaintNo, "COMPLAINT_VERIFICATION_OVERDUE")).contains("supervisor-t01")
			.doesNotContain("supervisor-t02");
		assertThat(task(instance, ComplaintProcess.VERIFY_TASK)).isNotNull();
	}

	@Test
	void missedRectificationIsEscalatedAndTheTaskStays() {
		String complaintNo = file(new ComplaintDraft(null, "V01", ComplaintKind.CONDUCT, "赵四", "13900004444", "代办员推诿"));
		ProcessInstance instance = instance(complaintNo);
		complete(task(instance, ComplaintProcess.VERIFY_TASK), "clerk-t01", "township-T01",
				Map.of("verificationResult", "VERIFIED", "verificationNote", "属实", "accountabilityNote", "约谈代办员"));
		// a conduct complaint not about a matter goes against the village proxy point
		assertThat(negativeList.findByKey(complaintNo + ":COMPLAINT")).hasValueSatisfying(e -> {
			assertThat(e.responsibleUnit()).isEqualTo("village-V01");
			assertThat(e.severity()).isEqualTo("NORMAL");
		});
		sendQueued(complaintNo);

		executeJob(instance, "Event_RectificationOverdue");
		sendQueued(complaintNo);

		assertThat(notifiedRecipients(complaintNo, "COMPLAINT_RECTIFICATION_OVERDUE")).contains("supervisor-t01", "clerk-t01");
		assertThat(task(instance, ComplaintProcess.RECTIFY_TASK)).isNotNull();
	}

	@Test
	void clerkEntersComplaintFromTasklistStartForm() {
		String definitionId = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(ComplaintProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		Map<String, Object> form = new HashMap<>();
		form.put("villageCode", "V04");
		form.put("matterNo", "");
		form.put("complaintKind", "OTHER");
		form.put("residentName", "钱五");
		form.put("residentPhone", "0573-84501234");
		form.put("content", "电话预约无人接听");
		ProcessInstance instance = as("clerk-t01", "township-T01", () -> formService.submitStartForm(definitionId, form));
		started.add(instance.getId());

		String complaintNo = instance.getBusinessKey() != null ? instance.getBusinessKey()
				: runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getBusinessKey();
		ComplaintRecord row = complaints.find(complaintNo).orElseThrow();
		assertThat(row.filedBy()).isEqualTo("clerk-t01");
		assertThat(row.townshipCode()).isEqualTo("T01");
		assertThat(row.matterNo()).isNull();
		assertThat(task(instance, ComplaintProcess.VERIFY_TASK)).isNotNull();
	}

	@Test
	void apiFilesComplaintForAnyAuthenticatedCaller() {
		ResponseEntity<Map> response = post("clerk-t02", Map.of("villageCode", "V06",
				"complainant", Map.of("name", "孙六", "phone", "13900006666"), "content", "窗口不在岗"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String complaintNo = (String) response.getBody().get("complaintNo");
		assertThat(complaintNo).startsWith("TS-T02-");
		started.add(instance(complaintNo).getId());
		assertThat(task(instance(complaintNo), ComplaintProcess.VERIFY_TASK)).satisfies(
				t -> assertThat(candidateGroups(t)).containsExactly("township-T02"));
	}

	@Test
	void apiRejectsInvalidComplaintsWithTheFieldAndChangesNothing() {
		AcceptedMatter v01Matter = accept();
		long before = complaintCount();
		Map<String, Object> valid = Map.of("villageCode", "V01", "complainant", Map.of("name", "王秀英", "phone", "13900001111"),
				"content", "事项超时");
		assertBadRequest(with(valid, "villageCode", "V99"), "villageCode");
		assertBadRequest(with(valid, "matterNo", "T01-20000101-9999"), "matterNo");
		assertBadRequest(with(with(valid, "villageCode", "V06"), "matterNo", v01Matter.matterNo()), "matterNo");
		assertBadRequest(with(valid, "complainant", Map.of("name", "王秀英", "phone", "12345")), "complainant.phone");
		assertBadRequest(with(valid, "complainant", Map.of("phone", "13900001111")), "complainant.name");
		assertBadRequest(without(valid, "content"), "content");
		assertBadRequest(without(valid, "complainant"), "complainant");
		assertBadRequest(with(valid, "content", "超".repeat(2001)), "content");
		assertBadRequest(with(valid, "content", "<script>alert(1)</script>"), "content");
		assertBadRequest(with(valid, "content", "${execution.processInstanceId}"), "content");
		assertBadRequest(with(valid, "kind", "ANGRY"), "kind");
		assertThat(complaintCount()).isEqualTo(before);
	}

	@Test
	void apiNeedsAuthenticationAndHidesComplaintsOfOtherTownships() {
		ResponseEntity<Map> anonymous = rest.postForEntity("/api/complaints", json(Map.of("villageCode", "V01")), Map.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		String complaintNo = file(new ComplaintDraft(null, "V05", null, "周七", "13900007777", "代办员未上门"));
		ResponseEntity<Map> own = rest.withBasicAuth("supervisor-t01", "demo").getForEntity("/api/complaints/" + complaintNo, Map.class);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody().get("complainantPhone")).isEqualTo("139****7777");
		ResponseEntity<Map> other = rest.withBasicAuth("clerk-t02", "demo").getForEntity("/api/complaints/" + complaintNo, Map.class);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThatThrownBy(() -> complaints.validate(new ComplaintDraft(null, "V01", null, "x", "13900001111", " ")))
			.hasMessageContaining("content");
	}

	// ---- helpers

	private AcceptedMatter accept() {
		AcceptedMatter matter = as(AGENT_V01.userId(), "village-V01", () -> intake.accept(new MatterDraft("V01", "MZ-001",
				Channel.OFFICE, "王秀英", "13900001111", "低保申请", AGENT_V01.userId()), AGENT_V01));
		return matter;
	}

	private String file(ComplaintDraft draft) {
		String complaintNo = as("agent-v01-a", "village-V01", () -> complaints.file(draft, AGENT_V01));
		started.add(instance(complaintNo).getId());
		return complaintNo;
	}

	private ProcessInstance instance(String complaintNo) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ComplaintProcess.KEY)
			.processInstanceBusinessKey(complaintNo)
			.singleResult();
	}

	private boolean ended(ProcessInstance instance) {
		return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count() == 1;
	}

	private Task task(ProcessInstance instance, String key) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
	}

	private List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> "candidate".equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

	private long visibleTasks(String user, String group, ProcessInstance instance) {
		return as(user, group, () -> taskService.createTaskQuery().processInstanceId(instance.getId()).count());
	}

	private void complete(Task task, String user, String group, Map<String, Object> variables) {
		as(user, group, () -> {
			taskService.claim(task.getId(), user);
			taskService.complete(task.getId(), variables);
			return null;
		});
	}

	/** The notification dispatcher's part: send what the complaint queued so far. */
	private void sendQueued(String complaintNo) {
		QueuedNotifications.send(dispatcher, complaintNo + ":");
	}

	private void executeJob(ProcessInstance instance, String activityId) {
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job at %s", activityId).isNotNull();
		managementService.executeJob(job.getId());
	}

	private List<String> notifiedRecipients(String complaintNo, String kind) {
		return jdbc.sql("SELECT DISTINCT recipient FROM notification_log WHERE idempotency_key LIKE ? AND kind = ? ORDER BY recipient")
			.params(complaintNo + ":%", kind)
			.query(String.class)
			.list();
	}

	private long complaintCount() {
		return jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single();
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

	private ResponseEntity<Map> post(String user, Map<String, Object> body) {
		return rest.withBasicAuth(user, "demo").postForEntity("/api/complaints", json(body), Map.class);
	}

	private void assertBadRequest(Map<String, Object> body, String field) {
		ResponseEntity<Map> response = post("agent-v01-a", body);
		assertThat(response.getStatusCode()).as("POST %s", body).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("field")).as("field of %s", body).isEqualTo(field);
		assertThat((String) response.getBody().get("message")).isNotBlank();
	}

	private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(base);
		copy.put(key, value);
		return copy;
	}

	private static Map<String, Object> without(Map<String, Object> base, String key) {
		Map<String, Object> copy = new HashMap<>(base);
		copy.remove(key);
		return copy;
	}

}
