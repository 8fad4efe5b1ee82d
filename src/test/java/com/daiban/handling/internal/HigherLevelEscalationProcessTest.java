package com.daiban.handling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.List;
import java.util.Map;

import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.negativelist.NegativeListReason;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.TestClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The escalation ladder with a level above the township configured: a county supervision group. */
@DaibanSpringBootTest
@TestPropertySource(properties = "daiban.escalation.higher-level-group=county-supervision")
class HigherLevelEscalationProcessTest {

	private static final Caller AGENT = new Caller("agent-v01-a", List.of("village-V01"));

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
	MatterIntake intake;

	@Autowired
	NegativeList negativeList;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void shouldGiveTheHigherLevelItsOwnTaskAndNoticeWhenRectificationIsOverdueAndCloseItWhenHandled() {
		init(engine);
		countySupervisor();
		TestClock.set(MatterHandlingProcessTest.WEDNESDAY_MORNING);
		identityService.setAuthentication(AGENT.userId(), AGENT.groupIds());
		AcceptedMatter matter;
		try {
			matter = intake.accept(new MatterDraft("V01", "MZ-001", Channel.OFFICE, "王秀英", "13900001111", "代办低保",
					AGENT.userId()), AGENT);
		}
		finally {
			identityService.clearAuthentication();
		}
		ProcessInstance instance = runtimeService.createProcessInstanceQuery()
			.processInstanceId(matter.processInstanceId())
			.singleResult();

		TestClock.set(matter.dueAt().toInstant().plusSeconds(60));
		execute(instance, "Event_DeadlinePassed");
		Task supervision = task(instance, "Task_SuperviseMatter");
		TestClock.set(supervision.getDueDate().toInstant().plusSeconds(60));
		execute(instance, "Event_RectificationPassed");

		assertThat(instance).hasPassed("Task_NotifyHigherLevel")
			.isWaitingAt("Task_HandleMatter", "Task_SuperviseMatter", "Task_SuperviseAtHigherLevel");
		assertThat(instance).task("Task_SuperviseAtHigherLevel").hasCandidateGroup("county-supervision");
		assertThat(task(instance, "Task_SuperviseAtHigherLevel").getDueDate()).isNotNull();
		assertThat(jdbc.sql("SELECT recipient_id FROM notification_outbox WHERE batch_key LIKE ?")
			.param(matter.matterNo() + ":HIGHER_LEVEL:%")
			.query(String.class)
			.list()).containsExactly("supervisor-county");
		assertThat(negativeList.ofMatter(matter.matterNo())).extracting(NegativeListEntry::reason)
			.containsExactly(NegativeListReason.OVERDUE, NegativeListReason.RECTIFICATION_OVERDUE);

		identityService.setAuthentication("clerk-t01", List.of("township-T01"));
		try {
			Task handling = task(instance, "Task_HandleMatter");
			taskService.claim(handling.getId(), "clerk-t01");
			taskService.complete(handling.getId(), Map.of("outcome", "DONE", "reply", "已办结"));
		}
		finally {
			identityService.clearAuthentication();
		}
		assertThat(instance).hasPassed("EndEvent_SupervisionClosed", "EndEvent_HigherLevelClosed")
			.isWaitingAt("Task_ConfirmSignOff");
	}

	/** The demo organisation ends at the township: the county group and its member exist for this test only. */
	private void countySupervisor() {
		if (identityService.createGroupQuery().groupId("county-supervision").count() == 0) {
			Group group = identityService.newGroup("county-supervision");
			group.setName("县督查组");
			identityService.saveGroup(group);
			User user = identityService.newUser("supervisor-county");
			user.setFirstName("县督查员");
			user.setEmail("supervisor-county@daiban.local");
			user.setPassword("county-test");
			identityService.saveUser(user);
			identityService.createMembership("supervisor-county", "county-supervision");
		}
	}

	private Task task(ProcessInstance instance, String key) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
	}

	private void execute(ProcessInstance instance, String activityId) {
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job at %s", activityId).isNotNull();
		managementService.executeJob(job.getId());
	}

}
