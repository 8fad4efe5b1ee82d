package com.daiban.handling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.daiban.deadline.WorkingCalendar;
import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.ClosingReason;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.matter.MatterStatus;
import com.daiban.matter.ProxyMatterProcess;
import com.daiban.matter.TimelineEntry;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.negativelist.NegativeListReason;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ModelCoverage;
import com.daiban.support.QueuedNotifications;
import com.daiban.support.TestClock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One path per clock operation through processes/proxy-matter.bpmn, on a fixed clock in working time. */
@DaibanSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatterHandlingProcessTest {

	/** A Wednesday, service hours 08:30–17:30: one working day later is Thursday 10:00. */
	static final String WEDNESDAY_MORNING = "2026-11-25T10:00:00+08:00";

	static final Caller AGENT = new Caller("agent-v01-a", List.of("village-V01"));

	static final Caller CLERK = new Caller("clerk-t01", List.of("township-T01"));

	static final Caller SUPERVISOR = new Caller("supervisor-t01", List.of("supervision-T01"));

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
	MatterOperations operations;

	@Autowired
	NegativeList negativeList;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	private final List<String> started = new ArrayList<>();

	@BeforeEach
	void fixClock() {
		init(engine);
		TestClock.set(WEDNESDAY_MORNING);
	}

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@AfterAll
	void coverTheNewPaths() {
		ModelCoverage.assertFlowNodeCoverage(repositoryService, historyService, ProxyMatterProcess.KEY, started, 0.6);
	}

	@Test
	void shouldAddThePausedWorkingTimeToTheDueInstantOnResume() {
		AcceptedMatter matter = accept("MZ-001");
		ProcessInstance instance = instance(matter);
		Instant dueBefore = matter.dueAt().toInstant();
		assertThat(dueBefore).isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));

		Instant pausedAt = TestClock.advance(Duration.ofHours(1));
		operations.pause(matter.matterNo(), "等待委托人补交鉴定报告", CLERK);

		assertThat(row(matter).status()).isEqualTo(MatterStatus.PAUSED);
		assertThat(instance).isWaitingAt("Task_ResumeMatter").task().hasCandidateGroup("township-T01");
		assertThat(jobs(instance, "Event_DeadlinePassed")).as("deadline timer stopped").isEmpty();
		assertThat(jobs(instance, "Event_ReminderDue")).as("reminder timer stopped").isEmpty();
		assertThat(QueuedNotifications.queued(jdbc, matter.matterNo() + ":PAUSED:")).hasSize(1);

		Instant resumedAt = TestClock.advance(Duration.ofHours(4));
		operations.resume(matter.matterNo(), "鉴定报告已交", CLERK);

		Duration paused = calendar.workingTimeBetween("T01", pausedAt, resumedAt);
		assertThat(paused).isEqualTo(Duration.ofHours(4));
		Instant dueAfter = calendar.plusWorkingTime("T01", dueBefore, paused);
		assertThat(dueAfter).isEqualTo(Instant.parse("2026-11-26T06:00:00Z"));
		assertThat(instance).isWaitingAt("Task_HandleMatter");
		assertThat(handlingTask(instance).getDueDate().toInstant()).isEqualTo(dueAfter);
		assertThat(jobs(instance, "Event_DeadlinePassed")).singleElement()
			.satisfies(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(dueAfter));
		assertThat(jobs(instance, "Event_ReminderDue")).hasSize(1);
		assertThat(row(matter).dueAt().toInstant()).isEqualTo(dueAfter);
		assertThat(row(matter).status()).isEqualTo(MatterStatus.HANDLING);
		assertThat(kinds(matter)).containsSubsequence("PAUSED", "RESUMED");
		assertThat(QueuedNotifications.queued(jdbc, matter.matterNo() + ":RESUMED:")).hasSize(1);
		assertThat(jdbc.sql("SELECT paused_working_millis FROM matter_pause WHERE matter_no = ?")
			.param(matter.matterNo())
			.query(Long.class)
			.single()).isEqualTo(Duration.ofHours(4).toMillis());

		// a second pause in the same round tells the resident again
		TestClock.advance(Duration.ofMinutes(30));
		operations.pause(matter.matterNo(), "等待公示期满", CLERK);
		assertThat(QueuedNotifications.queued(jdbc, matter.matterNo() + ":PAUSED:")).hasSize(2);
		assertThatThrownBy(() -> operations.pause(matter.matterNo(), "再次中止", CLERK))
			.isInstanceOf(HandlingConflictException.class);
	}

	@Test
	void shouldMoveTimersAndTaskDueDateWhenTheOfficeApprovesAnExtension() {
		AcceptedMatter matter = accept("MZ-001");
		ProcessInstance instance = instance(matter);
		Instant dueBefore = matter.dueAt().toInstant();

		operations.requestExtension(matter.matterNo(), 2, "需到县档案馆调取档案", CLERK);

		Task approval = task(instance, "Task_ApproveExtension");
		assertThat(instance).task("Task_ApproveExtension").hasCandidateGroup("supervision-T01");
		assertThat(approval.getDueDate().toInstant()).isEqualTo(calendar.plusWorkingDays("T01", TestClock.now(), 1));
		run(SUPERVISOR, () -> taskService.complete(approval.getId(),
				Map.of("extensionDecision", "APPROVED", "extensionOpinion", "同意延期", "allowFurtherExtension", false)));

		Instant dueAfter = calendar.plusWorkingDays("T01", dueBefore, 2);
		assertThat(dueAfter).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
		assertThat(instance).hasPassed("Task_NotifyExtensionApproved").isWaitingAt("Task_HandleMatter");
		assertThat(handlingTask(instance).getDueDate().toInstant()).isEqualTo(dueAfter);
		assertThat(jobs(instance, "Event_DeadlinePassed")).singleElement()
			.satisfies(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(dueAfter));
		assertThat(jobs(instance, "Event_ReminderDue")).singleElement()
			.satisfies(job -> assertThat(job.getDuedate().toInstant()).isAfter(dueBefore.minusSeconds(1)));
		assertThat(row(matter).dueAt().toInstant()).isEqualTo(dueAfter);
		assertThat(kinds(matter)).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_APPROVED");
		assertThat(QueuedNotifications.queued(jdbc, matter.matterNo() + ":EXTENSION_APPROVED:")).hasSize(1);

		// once only, unless the office allows another
		assertThatThrownBy(() -> operations.requestExtension(matter.matterNo(), 1, "还需一天", CLERK))
			.isInstanceOf(HandlingConflictException.class)
			.hasMessageContaining("已延期一次");
	}

	@Test
	void shouldKeepTheDueInstantWhenTheOfficeRefusesAnExtension() {
		AcceptedMatter matter = accept("MZ-001");
		ProcessInstance instance = instance(matter);

		operations.requestExtension(matter.matterNo(), 3, "人手不足", CLERK);
		run(SUPERVISOR, () -> taskService.complete(task(instance, "Task_ApproveExtension").getId(),
				Map.of("extensionDecision", "REFUSED", "extensionOpinion", "一天内可以办结")));

		assertThat(instance).hasPassed("Task_NotifyExtensionRefused");
		assertThat(handlingTask(instance).getDueDate().toInstant()).isEqualTo(matter.dueAt().toInstant());
		assertThat(kinds(matter)).contains("EXTENSION_REFUSED");
	}

	@Test
	void shouldTransferToTheNamedUnitUnderTheOriginalDueInstant() {
		AcceptedMatter matter = accept("MZ-001");
		ProcessInstance instance = instance(matter);

		// without a named unit the routing decision picks again, and it still picks this township
		assertThatThrownBy(() -> operations.transfer(matter.matterNo(), null, "非本单位职责", CLERK))
			.isInstanceOf(HandlingConflictException.class)
			.hasMessageContaining("分流规则");
		operations.transfer(matter.matterNo(), "city-center", "属市级审批事项", CLERK);

		assertThat(instance).isWaitingAt("Task_HandleMatter").task().hasCandidateGroup("city-center");
		assertThat(handlingTask(instance).getDueDate().toInstant()).isEqualTo(matter.dueAt().toInstant());
		assertThat(jobs(instance, "Event_DeadlinePassed")).singleElement()
			.satisfies(job -> assertThat(job.getDuedate().toInstant()).isEqualTo(matter.dueAt().toInstant()));
		assertThat(as(new Caller("clerk-city", List.of("city-center")),
				() -> taskService.createTaskQuery().processInstanceId(instance.getId()).count())).isEqualTo(1);
		assertThat(row(matter).handlingGroup()).isEqualTo("city-center");
		assertThat(kinds(matter)).contains("TRANSFERRED");
		assertThat(negativeList.ofMatter(matter.matterNo())).isEmpty();
	}

	@Test
	void shouldCloseTheSupervisionTaskWhenTheMatterIsHandled() {
		AcceptedMatter matter = accept("MZ-002");
		ProcessInstance instance = instance(matter);
		operations.requestExtension(matter.matterNo(), 1, "需调取档案", CLERK);
		TestClock.set(matter.dueAt().toInstant().plusSeconds(60));
		executeJob(instance, "Event_DeadlinePassed");

		Task supervision = task(instance, "Task_SuperviseMatter");
		assertThat(supervision.getDueDate()).as("督办 carries its rectification deadline").isNotNull();
		assertThat(jobs(instance, "Event_RectificationPassed")).singleElement()
			.satisfies(job -> assertThat(job.getDuedate()).isEqualTo(supervision.getDueDate()));

		handle(instance, "DONE", "已办结");

		assertThat(instance).hasPassed("EndEvent_SupervisionClosed", "EndEvent_ExtensionMoot").isWaitingAt("Task_ConfirmSignOff");
		assertThat(task(instance, "Task_SuperviseMatter")).isNull();
		assertThat(task(instance, "Task_ApproveExtension")).as("an extension of a handled matter needs no decision").isNull();
		assertThat(jobs(instance, "Event_RectificationPassed")).as("rectification timer cancelled").isEmpty();
		assertThat(negativeList.ofMatter(matter.matterNo())).extracting(NegativeListEntry::reason).containsExactly(NegativeListReason.OVERDUE);
	}

	@Test
	void shouldKeepRemindersAndTimersAfterAReturnForMaterialsAndAfterARejection() {
		AcceptedMatter matter = accept("MZ-003");
		ProcessInstance instance = instance(matter);
		handle(instance, "MATERIALS_MISSING", "缺少户口簿复印件");
		run(AGENT, () -> taskService.complete(task(instance, "Task_SupplyMaterials").getId(),
				Map.of("materialsDecision", "SUPPLIED")));

		assertThat(instance).isWaitingAt("Task_HandleMatter");
		assertThat(jobs(instance, "Event_ReminderDue")).hasSize(1);
		assertThat(jobs(instance, "Event_DeadlinePassed")).singleElement()
			.satisfies(job -> assertThat(job.getDuedate()).isEqualTo(handlingTask(instance).getDueDate()));

		handle(instance, "DONE", "已办结");
		run(AGENT, () -> taskService.complete(task(instance, "Task_ConfirmSignOff").getId(),
				Map.of("residentConfirmed", "false", "rating", "2", "signOffNote", "未解决")));

		assertThat(instance).isWaitingAt("Task_HandleMatter");
		assertThat(jobs(instance, "Event_ReminderDue")).hasSize(1);
		assertThat(jobs(instance, "Event_DeadlinePassed")).hasSize(1);
	}

	@Test
	void shouldEndEveryOpenTaskAndTimerOnTermination() {
		AcceptedMatter matter = accept("MZ-001");
		ProcessInstance instance = instance(matter);
		operations.requestExtension(matter.matterNo(), 1, "需调档", CLERK);
		assertThat(instance).isWaitingAt("Task_HandleMatter", "Task_ApproveExtension");

		operations.terminate(matter.matterNo(), "与 T01 已受理事项重复", ClosingReason.DUPLICATE, SUPERVISOR);

		assertThat(instance).isEnded().hasPassed("Task_RecordTermination", "EndEvent_Terminated");
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
		MatterRecord row = row(matter);
		assertThat(row.status()).isEqualTo(MatterStatus.TERMINATED);
		assertThat(row.closingReason()).isEqualTo("DUPLICATE");
		assertThat(kinds(matter)).contains("TERMINATED");
		assertThat(QueuedNotifications.queued(jdbc, matter.matterNo() + ":TERMINATED:")).hasSize(1);
		assertThatThrownBy(() -> operations.terminate(matter.matterNo(), "再次终止", ClosingReason.TERMINATED, SUPERVISOR))
			.isInstanceOf(HandlingConflictException.class);
	}

	@Test
	void shouldUrgeTheHandlerAtMostOncePerInterval() {
		AcceptedMatter matter = accept("MZ-001");
		ProcessInstance instance = instance(matter);

		operations.urge(matter.matterNo(), "委托人来电询问", AGENT);
		assertThatThrownBy(() -> operations.urge(matter.matterNo(), "再催", SUPERVISOR))
			.isInstanceOf(HandlingConflictException.class)
			.hasMessageContaining("刚催办过");
		TestClock.advance(Duration.ofHours(2));
		operations.urge(matter.matterNo(), "督查办催办", SUPERVISOR);

		assertThat(instance).hasPassed("Task_NotifyUrged").isWaitingAt("Task_HandleMatter");
		assertThat(kinds(matter)).filteredOn("URGED"::equals).hasSize(2);
		assertThat(QueuedNotifications.queued(jdbc, matter.matterNo() + ":URGED:")).hasSize(2);
	}

	private AcceptedMatter accept(String item) {
		AcceptedMatter matter = as(AGENT, () -> intake.accept(new MatterDraft("V01", item, Channel.OFFICE, "王秀英",
				"13900001111", "代办：" + item, AGENT.userId()), AGENT));
		started.add(matter.processInstanceId());
		return matter;
	}

	private void handle(ProcessInstance instance, String outcome, String reply) {
		as(CLERK, () -> {
			Task task = handlingTask(instance);
			if (task.getAssignee() == null) {
				taskService.claim(task.getId(), CLERK.userId());
			}
			taskService.complete(task.getId(), Map.of("outcome", outcome, "reply", reply));
			return null;
		});
	}

	private ProcessInstance instance(AcceptedMatter matter) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(matter.processInstanceId()).singleResult();
	}

	private MatterRecord row(AcceptedMatter matter) {
		return ledger.find(matter.matterNo()).orElseThrow();
	}

	private List<String> kinds(AcceptedMatter matter) {
		return ledger.timeline(matter.matterNo()).stream().map(TimelineEntry::kind).toList();
	}

	private Task handlingTask(ProcessInstance instance) {
		return task(instance, "Task_HandleMatter");
	}

	private Task task(ProcessInstance instance, String key) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
	}

	private List<Job> jobs(ProcessInstance instance, String activityId) {
		return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
	}

	private void executeJob(ProcessInstance instance, String activityId) {
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job at %s", activityId).isNotNull();
		managementService.executeJob(job.getId());
	}

	private void run(Caller caller, Runnable action) {
		as(caller, () -> {
			action.run();
			return null;
		});
	}

	private <T> T as(Caller caller, Supplier<T> action) {
		identityService.setAuthentication(caller.userId(), caller.groupIds());
		try {
			return action.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
