package com.daiban.negativelist.internal;

import com.daiban.engine.StepSettings;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeMark;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Puts the matter on the negative list for the reason the model gives (its {@code reason} setting, read by
 * {@link StepSettings}: OVERDUE, RECTIFICATION_OVERDUE, …), against the unit handling it and the clerk holding the
 * task. One entry per reason and promise round, however often the job runs.
 */
@Component
class MarkNegativeListDelegate implements JavaDelegate {

	static final String HANDLING_TASK = "Task_HandleMatter";

	private final NegativeList negativeList;

	private final TaskService taskService;

	private final ManagementService managementService;

	private volatile String handlingTaskSql;

	MarkNegativeListDelegate(NegativeList negativeList, TaskService taskService, ManagementService managementService) {
		this.negativeList = negativeList;
		this.taskService = taskService;
		this.managementService = managementService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = StepSettings.get(execution, "reason");
		if (reason == null || reason.isBlank()) {
			throw new IllegalStateException("negative-list marking needs a 'reason' setting in the model");
		}
		String severity = StepSettings.get(execution, "severity");
		String matterNo = (String) execution.getVariable("matterNo");
		String handlingGroup = (String) execution.getVariable("handlingGroup");
		Object round = execution.getVariable("promiseRound");
		Task handling = taskService.createNativeTaskQuery()
			.sql(handlingTaskSql())
			.parameter("processInstanceId", execution.getProcessInstanceId())
			.parameter("taskDefinitionKey", HANDLING_TASK)
			.singleResult();
		String handlerId = handling == null ? null : handling.getAssignee();
		String subject = handlingGroup + (handlerId == null ? "（未认领）" : " / " + handlerId);
		negativeList.mark(new NegativeMark(matterNo + ":" + reason + ":" + round, matterNo, reason,
				severity == null ? "NORMAL" : severity, subject, handlingGroup, handlerId,
				(String) execution.getVariable("villageCode"), (String) execution.getVariable("townshipCode"),
				(String) execution.getVariable("serviceItemName")));
	}

	/**
	 * The handling task by a native query: the engine's task query renders its SQL from a mapping of some hundred
	 * conditions on every call, which was a fifth of the CPU of each deadline escalation in bench P2's profile.
	 */
	private String handlingTaskSql() {
		if (handlingTaskSql == null) {
			handlingTaskSql = "SELECT * FROM " + managementService.getTableName(Task.class)
					+ " WHERE PROC_INST_ID_ = #{processInstanceId} AND TASK_DEF_KEY_ = #{taskDefinitionKey}";
		}
		return handlingTaskSql;
	}

}
