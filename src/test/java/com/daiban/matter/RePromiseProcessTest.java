package com.daiban.matter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.daiban.identity.Caller;
import com.daiban.support.DaibanSpringBootTest;

/**
 * The two ways back to a new promise (resident rejects the reply, materials supplied after a return) meet in the
 * explicit join gateway in front of "作出限时办结承诺"; each pass makes a new promise round for the handling unit.
 */
@DaibanSpringBootTest
class RePromiseProcessTest {

	private static final Caller AGENT = new Caller("agent-v01-a", List.of("village-V01"));

	@Autowired
	private MatterIntake intake;

	@Autowired
	private TaskService taskService;

	@Autowired
	private RuntimeService runtimeService;

	@Autowired
	private HistoryService historyService;

	@Test
	void aRejectedReplyGoesThroughTheJoinToASecondPromise() {
		AcceptedMatter matter = accept();
		complete(matter, "Task_HandleMatter", Map.of("outcome", "DONE", "reply", "已办结，低保待遇下月发放"));
		complete(matter, "Task_ConfirmSignOff", Map.of("residentConfirmed", false, "rating", 2));

		assertSecondPromise(matter);
	}

	@Test
	void suppliedMaterialsGoThroughTheJoinToASecondPromise() {
		AcceptedMatter matter = accept();
		complete(matter, "Task_HandleMatter", Map.of("outcome", "MATERIALS_MISSING", "reply", "缺少家庭收入证明"));
		complete(matter, "Task_SupplyMaterials", Map.of("materialsDecision", "SUPPLIED"));

		assertSecondPromise(matter);
	}

	private AcceptedMatter accept() {
		return intake.accept(new MatterDraft("V01", "MZ-001", Channel.OFFICE, "王秀英", "13800000001", "申请最低生活保障",
				AGENT.userId()), AGENT);
	}

	private void complete(AcceptedMatter matter, String taskKey, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery()
			.processInstanceId(matter.processInstanceId())
			.taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as(taskKey).isNotNull();
		taskService.complete(task.getId(), variables);
	}

	private void assertSecondPromise(AcceptedMatter matter) {
		String instance = matter.processInstanceId();
		assertThat(historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(instance)
			.activityId("Gateway_PromiseJoin")
			.count()).isEqualTo(2);
		assertThat(runtimeService.getVariable(instance, "promiseRound")).isEqualTo(2);
		assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_HandleMatter").count())
			.isEqualTo(1);
	}

}
