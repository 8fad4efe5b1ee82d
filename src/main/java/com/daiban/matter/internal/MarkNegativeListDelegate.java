package com.daiban.matter.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import com.daiban.engine.StepSettings;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListReason;
import com.daiban.negativelist.NegativeMark;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A step of proxy-matter: puts the matter on the negative list for the reason the model gives (its {@code reason} setting, read by
 * {@link StepSettings}: OVERDUE, RECTIFICATION_OVERDUE, …), against the unit handling it and the clerk holding the
 * task. One entry per reason and promise round, however often the job runs.
 */
@Component
class MarkNegativeListDelegate implements JavaDelegate {

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
		NegativeListReason reason = reason(StepSettings.get(execution, "reason"));
		String severity = StepSettings.get(execution, "severity");
		String matterNo = (String) execution.getVariable(MATTER_NO);
		String handlingGroup = (String) execution.getVariable(HANDLING_GROUP);
		Object round = execution.getVariable(PROMISE_ROUND);
		Task handling = taskService.createNativeTaskQuery()
			.sql(handlingTaskSql())
			.parameter("processInstanceId", execution.getProcessInstanceId())
			.parameter("taskDefinitionKey", HANDLE_TASK)
			.singleResult();
		String handlerId = handling == null ? null : handling.getAssignee();
		String subject = handlingGroup + (handlerId == null ? "（未认领）" : " / " + handlerId);
		negativeList.mark(new NegativeMark(matterNo + ":" + reason + ":" + round, matterNo, reason,
				severity == null ? "NORMAL" : severity, subject, handlingGroup, handlerId,
				(String) execution.getVariable(VILLAGE_CODE), (String) execution.getVariable(TOWNSHIP_CODE),
				(String) execution.getVariable(SERVICE_ITEM_NAME)));
	}

	private static NegativeListReason reason(String setting) {
		if (setting == null || setting.isBlank()) {
			throw new IllegalStateException("negative-list marking needs a 'reason' setting in the model");
		}
		try {
			return NegativeListReason.valueOf(setting);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("unknown negative-list reason in the model: " + setting, e);
		}
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
