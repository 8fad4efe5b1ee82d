package com.daiban.matter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.daiban.deadline.DeadlineCalendar;
import com.daiban.identity.Caller;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ModelCoverage;
import com.daiban.support.QueuedNotifications;
import com.daiban.support.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One test per path through processes/proxy-matter.bpmn; timers and async steps are driven by the test. */
@DaibanSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyMatterProcessTest {

	private static final Caller AGENT_V01 = new Caller("agent-v01-a", List.of("village-V01"));

	@Autowired
	ProcessEngine engine;

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
	MatterIntake intake;

	@Autowired
	MatterLedger ledger;

	@Autowired
	NegativeList negativeList;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	DeadlineCalendar deadlines;

	private final List<String> started = new ArrayList<>();

	@BeforeEach
	void initAssertions() {
		init(engine);
	}

	@AfterAll
	void coverAtLeastNinetyPercentOfTheModel() {
		ModelCoverage.assertFlowNodeCoverage(repositoryService, historyService, ProxyMatterProcess.KEY, started, 0.9);
	}

	@Test
	void shouldHandleTownshipMatterOnTime() {
		AcceptedMatter matter = accept("MZ-001");
		ProcessInstance instance = instance(matter);

		assertThat(matter.level()).isEqualTo("TOWNSHIP");
		assertThat(matter.dueAt().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(1)), within(1, ChronoUnit.MINUTES));
		assertThat(instance).isWaitingAt("Task_HandleMatter").task().hasCandidateGroup("township-T01");
		assertThat(handlingTask(instance).getDueDate().toInstant()).isEqualTo(matter.dueAt().toInstant().truncatedTo(ChronoUnit.MILLIS));
		assertThat(visibleTaskCount("clerk-t01", "township-T01", instance)).isEqualTo(1);
		assertThat(visibleTaskCount("clerk-t02", "township-T02", instance)).isZero();
		assertThat(visibleTaskCount("agent-v06-a", "village-V06", instance)).isZero();

		// Queued in the acceptance's transaction, sent afterwards by the notification dispatcher, not by the matter's tree.
		assertThat(notifications(matter.matterNo(), "PROMISE")).isEmpty();
		assertThat(instance).isWaitingAt("Task_HandleMatter").hasPassed("Task_NotifyPromise");
		sendQueued(matter, "PROMISE");
		assertThat(notifications(matter.matterNo(), "PROMISE")).containsExactly("LOG");

		handle(instance, "clerk-t01", "township-T01", "DONE", "低保申请已受理并审核通过");
		assertThat(instance).isWaitingAt("Task_ConfirmSignOff").task().hasCandidateGroup("village-V01");
		sendQueued(matter, "REPLIED");
		assertThat(notifications(matter.matterNo(), "REPLIED")).containsExactly("LOG");
		signOff(instance, "true", "5");

		assertThat(instance).isEnded().hasPassed("Task_CloseMatter", "EndEvent_MatterClosed");
		MatterRecord row = ledger.find(matter.matterNo()).orElseThrow();
		assertThat(row.status()).isEqualTo("CLOSED");
		assertThat(row.onTime()).isTrue();
		assertThat(row.satisfied()).isTrue();
		assertThat(row.rating()).isEqualTo(5);
		assertThat(row.handlerId()).isEqualTo("clerk-t01");
		assertThat(row.agentName()).isNotBlank();
		assertThat(row.agentPhone()).isNotBlank();
		assertThat(row.completedAt()).isNotNull();
		assertThat(row.signedOffAt()).isNotNull();
		assertThat(negativeList.ofMatter(matter.matterNo())).isEmpty();
	}

	@Test
	void shouldHandleCityMatterWithinOneWeek() {
		AcceptedMatter matter = accept("LB-004");
		ProcessInstance instance = instance(matter);

		assertThat(matter.level()).isEqualTo("CITY");
		assertThat(matter.dueAt().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(1, ChronoUnit.MINUTES));
		assertThat(instance).isWaitingAt("Task_HandleMatter").task().hasCandidateGroup("city-center");
		assertThat(visibleTaskCount("clerk-t01", "township-T01", instance)).isZero();

		handle(instance, "clerk-city", "city-center", "DONE", "社保卡已补办，邮寄至村代办点");
		signOff(instance, "true", "4");

		assertThat(instance).isEnded().hasPassed("EndEvent_MatterClosed");
		assertThat(ledger.find(matter.matterNo()).orElseThrow().handlerId()).isEqualTo("clerk-city");
	}

	@Test
	void shouldKeepNoVariableForTheRouteInputsOrTheTimerSettings() {
		AcceptedMatter matter = accept("LB-004");
		ProcessInstance instance = instance(matter);

		assertThat(historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableNameIn("category", "itemLevel", "mode", "signOffReminderAfter", "rectificationLimit")
			.count()).isZero();
		// the routing decision's history still shows what it decided on
		HistoricDecisionInstance decision = historyService.createHistoricDecisionInstanceQuery()
			.processInstanceId(instance.getId())
			.includeInputs()
			.singleResult();
		assertThat(decision.getInputs()).extracting(HistoricDecisionInputInstance::getValue).contains("CITY");

		handle(instance, "clerk-city", "city-center", "DONE", "社保卡已补办，邮寄至村代办点");
		Job reminder = managementService.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId("Event_SignOffOverdue")
			.singleResult();
		assertThat(reminder.getDuedate().toInstant())
			.isCloseTo(Instant.now().plus(deadlines.signOffReminderAfter()), within(1, ChronoUnit.MINUTES));
	}

	@Test
	void shouldRouteFromTheCatalogueWhenCockpitStartsTheDecisionAgain() {
		AcceptedMatter matter = accept("LB-004");
		ProcessInstance instance = instance(matter);

		// what an operator does with Cockpit's modification: the registration's transient inputs are gone by now
		runtimeService.createProcessInstanceModification(instance.getId()).startBeforeActivity("Task_DecideRoute").execute();

		List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery()
			.processInstanceId(instance.getId())
			.includeInputs()
			.includeOutputs()
			.list();
		assertThat(decisions).hasSize(2).allSatisfy(decision -> {
			assertThat(decision.getInputs()).extracting(HistoricDecisionInputInstance::getValue).contains("CITY");
			assertThat(decision.getOutputs()).filteredOn(output -> output.getVariableName().equals("level"))
				.extracting(HistoricDecisionOutputInstance::getValue)
				.containsExactly("CITY");
		});
	}

	@Test
	void shouldHandleVillageDirectMatterInTheVillage() {
		AcceptedMatter matter = accept("MZ-008");
		ProcessInstance instance = instance(matter);

		assertThat(matter.level()).isEqualTo("VILLAGE");
		assertThat(instance).isWaitingAt("Task_HandleMatter").task().hasCandidateGroup("village-V01");

		handle(instance, "agent-v01-b", "village-V01", "DONE", "证明已开具");
		signOff(instance, "true", "5");

		assertThat(instance).isEnded();
	}

	@Test
	void shouldMarkOverdueMatterOnceAndOpenSupervisionWhileHandlingStaysOpen() throws Exception {
		AcceptedMatter matter = accept("MZ-002");
		ProcessInstance instance = instance(matter);
		as("clerk-t01", "township-T01", () -> {
			taskService.claim(handlingTask(instance).getId(), "clerk-t01");
			return null;
		});

		executeJob(instance, "Event_ReminderDue");
		assertThat(instance).hasPassed("Task_NotifyReminder", "EndEvent_Reminded");
		sendQueued(matter, "REMINDER");
		assertThat(recipients(matter.matterNo(), "REMINDER")).contains("clerk-t01@daiban.local", "agent-v01-a@daiban.local");

		// Time passes: the promised instant is behind us when the deadline timer fires.
		jdbc.sql("UPDATE matter SET due_at = ? WHERE matter_no = ?")
			.params(OffsetDateTime.now().minusMinutes(1), matter.matterNo())
			.update();
		executeJob(instance, "Event_DeadlinePassed");
		List<NegativeListEntry> entries = negativeList.ofMatter(matter.matterNo());
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.reason()).isEqualTo("OVERDUE");
			assertThat(entry.responsibleUnit()).isEqualTo("township-T01");
			assertThat(entry.handlerId()).isEqualTo("clerk-t01");
			assertThat(entry.villageCode()).isEqualTo("V01");
			assertThat(entry.status()).isEqualTo("PROPOSED");
		});
		assertThat(instance).isWaitingAt("Task_HandleMatter", "Task_SuperviseMatter").hasPassed("Task_NotifyOverdue");
		assertThat(instance).task("Task_SuperviseMatter").hasCandidateGroup("supervision-T01");

		// The marking step runs again (a job retried after a crash): the list still holds one entry.
		Task firstSupervision = task(instance, "Task_SuperviseMatter");
		runtimeService.createProcessInstanceModification(instance.getId()).startBeforeActivity("Task_MarkOverdue").execute();
		assertThat(negativeList.ofMatter(matter.matterNo())).hasSize(1);
		taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey("Task_SuperviseMatter")
			.list()
			.stream()
			.filter(t -> !t.getId().equals(firstSupervision.getId()))
			.forEach(second -> runtimeService.createProcessInstanceModification(instance.getId())
				.cancelActivityInstance(historyService.createHistoricTaskInstanceQuery()
					.taskId(second.getId())
					.singleResult()
					.getActivityInstanceId())
				.execute());
		assertThat(QueuedNotifications.queued(jdbc, matter.matterNo() + ":OVERDUE:"))
			.as("the re-run marking step queues no second batch").hasSize(1);
		sendQueued(matter, "OVERDUE");
		assertThat(recipients(matter.matterNo(), "OVERDUE")).doesNotHaveDuplicates();

		int before = TestDatabase.mail().getReceivedMessages().length;
		assertThat(recipients(matter.matterNo(), "OVERDUE")).contains("supervisor-t01@daiban.local",
				"agent-v01-a@daiban.local", "clerk-t01@daiban.local");
		assertThat(mailTo("supervisor-t01@daiban.local", matter.matterNo())).isTrue();

		Task supervision = taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey("Task_SuperviseMatter")
			.singleResult();
		executeJob(instance, "Event_RectificationPassed");
		sendQueued(matter, "RECTIFICATION_OVERDUE");
		assertThat(negativeList.ofMatter(matter.matterNo())).extracting(NegativeListEntry::reason)
			.containsExactly("OVERDUE", "RECTIFICATION_OVERDUE");
		assertThat(TestDatabase.mail().getReceivedMessages().length).isGreaterThan(before);

		handle(instance, "clerk-t01", "township-T01", "DONE", "已办结");
		signOff(instance, "true", "3");
		assertThat(instance).isNotEnded();
		taskService.complete(supervision.getId(), Map.of("supervisionOpinion", "已督促办结"));
		runPendingNotifications(instance);
		assertThat(instance).isEnded();

		MatterRecord row = ledger.find(matter.matterNo()).orElseThrow();
		assertThat(row.status()).isEqualTo("CLOSED");
		assertThat(row.onTime()).isFalse();
		assertThat(negativeList.entries(Year.now(ZoneId.of("Asia/Shanghai")).getValue(), "T01", "V01"))
			.filteredOn(e -> e.matterNo().equals(matter.matterNo()))
			.hasSize(2);
	}

	@Test
	void shouldSendMatterBackToHandlingWithNewPromiseWhenResidentRejects() {
		AcceptedMatter matter = accept("NY-002");
		ProcessInstance instance = instance(matter);
		handle(instance, "clerk-t01", "township-T01", "DONE", "已报销");
		executeJob(instance, "Event_SignOffOverdue");
		assertThat(instance).hasPassed("Task_NotifySignOffReminder");
		sendQueued(matter, "SIGN_OFF_REMINDER");
		assertThat(recipients(matter.matterNo(), "SIGN_OFF_REMINDER")).containsExactly("agent-v01-a@daiban.local");

		signOff(instance, "false", "2");

		assertThat(instance).isWaitingAt("Task_HandleMatter");
		assertThat(runtimeService.getVariable(instance.getId(), "promiseRound")).isEqualTo(2);
		MatterRecord reopened = ledger.find(matter.matterNo()).orElseThrow();
		assertThat(reopened.reworkCount()).isEqualTo(1);
		assertThat(reopened.completedAt()).isNull();
		assertThat(reopened.dueAt()).isAfterOrEqualTo(matter.dueAt());
		assertThat(ledger.timeline(matter.matterNo())).extracting(TimelineEntry::kind).contains("REJECTED");

		handle(instance, "clerk-t01", "township-T01", "DONE", "已补报差额");
		signOff(instance, "true", "4");
		assertThat(instance).isEnded();
		assertThat(ledger.find(matter.matterNo()).orElseThrow().satisfied()).isTrue();
	}

	@Test
	void shouldReturnToAgentWhenMaterialsAreMissingAndPromiseAgainWhenSupplied() {
		AcceptedMatter matter = accept("NN-001");
		ProcessInstance instance = instance(matter);
		handle(instance, "clerk-t01", "township-T01", "MATERIALS_MISSING", "缺少土地承包合同");

		assertThat(instance).isWaitingAt("Task_SupplyMaterials").task().hasCandidateGroup("village-V01");
		assertThat(ledger.find(matter.matterNo()).orElseThrow().status()).isEqualTo("RETURNED");
		as("agent-v01-b", "village-V01", () -> {
			taskService.complete(task(instance, "Task_SupplyMaterials").getId(), Map.of("materialsDecision", "SUPPLIED"));
			return null;
		});

		assertThat(instance).isWaitingAt("Task_HandleMatter");
		assertThat(runtimeService.getVariable(instance.getId(), "promiseRound")).isEqualTo(2);
	}

	@Test
	void shouldEndWhenResidentWithdrawsWhileMaterialsAreMissing() {
		AcceptedMatter matter = accept("NN-002");
		ProcessInstance instance = instance(matter);
		handle(instance, "clerk-t01", "township-T01", "MATERIALS_MISSING", "缺少购机发票");
		taskService.complete(task(instance, "Task_SupplyMaterials").getId(),
				Map.of("materialsDecision", "WITHDRAWN", "withdrawalReason", "不再购机"));
		runPendingNotifications(instance);

		assertThat(instance).isEnded().hasPassed("EndEvent_WithdrawnOnReturn");
		assertThat(ledger.find(matter.matterNo()).orElseThrow().withdrawalReason()).isEqualTo("不再购机");
	}

	@Test
	void shouldEndWithReasonWhenResidentWithdraws() {
		AcceptedMatter matter = accept("WS-001");
		ProcessInstance instance = instance(matter);

		intake.withdraw(matter.matterNo(), "已自行办理", AGENT_V01);

		assertThat(instance).isEnded().hasPassed("Task_RecordWithdrawal", "EndEvent_Withdrawn");
		MatterRecord row = ledger.find(matter.matterNo()).orElseThrow();
		assertThat(row.status()).isEqualTo("WITHDRAWN");
		assertThat(row.withdrawalReason()).isEqualTo("已自行办理");
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void shouldNoteComplaintOnTheTimelineOfARunningMatter() {
		AcceptedMatter matter = accept("WS-002");
		ProcessInstance instance = instance(matter);

		runtimeService.createMessageCorrelation(ProxyMatterProcess.COMPLAINT_MESSAGE)
			.processInstanceBusinessKey(matter.matterNo())
			.setVariable("complaintNo", "C-T01-0001")
			.setVariable("complaintSummary", "代办员态度不好")
			.correlate();

		assertThat(instance).isWaitingAt("Task_HandleMatter").hasPassed("Task_NoteComplaint");
		assertThat(ledger.timeline(matter.matterNo())).extracting(TimelineEntry::detail)
			.anySatisfy(detail -> assertThat(detail).contains("C-T01-0001"));
	}

	@Test
	void shouldLetAgentBTakeOverWhatAgentADelegated() {
		AcceptedMatter matter = accept("MZ-004");
		ProcessInstance instance = instance(matter);
		handle(instance, "clerk-t01", "township-T01", "DONE", "高龄津贴已核准");
		Task signOff = task(instance, "Task_ConfirmSignOff");

		as("agent-v01-a", "village-V01", () -> {
			taskService.claim(signOff.getId(), "agent-v01-a");
			taskService.delegateTask(signOff.getId(), "agent-v01-b");
			return null;
		});
		assertThat(taskService.createTaskQuery().taskAssignee("agent-v01-b").taskId(signOff.getId()).count()).isEqualTo(1);
		as("agent-v01-b", "village-V01", () -> {
			taskService.resolveTask(signOff.getId(), Map.of("residentConfirmed", "true", "rating", "5"));
			return null;
		});
		as("agent-v01-a", "village-V01", () -> {
			taskService.complete(signOff.getId());
			return null;
		});
		runPendingNotifications(instance);
		assertThat(instance).isEnded();
	}

	private AcceptedMatter accept(String item) {
		AcceptedMatter matter = as(AGENT_V01.userId(), "village-V01", () -> intake.accept(new MatterDraft("V01", item,
				Channel.OFFICE, "王秀英", "13900001111", "代办：" + item, AGENT_V01.userId()), AGENT_V01));
		started.add(matter.processInstanceId());
		return matter;
	}

	private ProcessInstance instance(AcceptedMatter matter) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(matter.processInstanceId()).singleResult();
	}

	private Task handlingTask(ProcessInstance instance) {
		return task(instance, "Task_HandleMatter");
	}

	private Task task(ProcessInstance instance, String key) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
	}

	private void handle(ProcessInstance instance, String user, String group, String outcome, String reply) {
		as(user, group, () -> {
			Task task = handlingTask(instance);
			if (task.getAssignee() == null) {
				taskService.claim(task.getId(), user);
			}
			taskService.complete(task.getId(), Map.of("outcome", outcome, "reply", reply));
			return null;
		});
	}

	private void signOff(ProcessInstance instance, String confirmed, String rating) {
		as("agent-v01-a", "village-V01", () -> {
			Task task = task(instance, "Task_ConfirmSignOff");
			taskService.claim(task.getId(), "agent-v01-a");
			taskService.complete(task.getId(), Map.of("residentConfirmed", confirmed, "rating", rating, "signOffNote", "当面签字"));
			return null;
		});
		runPendingNotifications(instance);
	}

	/** What the job executor would do next: send every notification batch this matter queued (not the timers). */
	private void runPendingNotifications(ProcessInstance instance) {
		String prefix = instance.getBusinessKey() + ":";
		if (!QueuedNotifications.queued(jdbc, prefix).isEmpty()) {
			QueuedNotifications.send(dispatcher, prefix);
		}
	}

	private void sendQueued(AcceptedMatter matter, String kind) {
		QueuedNotifications.send(dispatcher, matter.matterNo() + ":" + kind + ":");
	}

	private long visibleTaskCount(String user, String group, ProcessInstance instance) {
		return as(user, group, () -> taskService.createTaskQuery().processInstanceId(instance.getId()).count());
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

	private void executeJob(ProcessInstance instance, String activityId) {
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job at %s", activityId).isNotNull();
		managementService.executeJob(job.getId());
	}

	private List<String> notifications(String matterNo, String kind) {
		return jdbc.sql("SELECT channel FROM notification_log WHERE matter_no = ? AND kind = ? ORDER BY id")
			.params(matterNo, kind)
			.query(String.class)
			.list();
	}

	private List<String> recipients(String matterNo, String kind) {
		return jdbc.sql("SELECT recipient FROM notification_log WHERE matter_no = ? AND kind = ? AND channel = 'EMAIL' ORDER BY id")
			.params(matterNo, kind)
			.query(String.class)
			.list();
	}

	private boolean mailTo(String address, String matterNo) throws Exception {
		for (MimeMessage message : TestDatabase.mail().getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address) && message.getSubject().contains(matterNo)) {
				return true;
			}
		}
		return false;
	}

}
