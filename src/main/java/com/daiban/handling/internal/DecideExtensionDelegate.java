package com.daiban.handling.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.daiban.deadline.WorkingCalendar;
import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.identity.SystemActions;
import com.daiban.matter.MatterLedger;
import com.daiban.input.ProcessInput;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task_DecideExtension, after the supervision office's Task_ApproveExtension: on approval the promise moves by the
 * working days asked for, and with it everything that carries it: the deadline and reminder timers of the open
 * Task_HandleMatter, that task's due date, the ledger and the {@code dueAt}/{@code remindAt} variables.
 */
@Component
class DecideExtensionDelegate implements JavaDelegate {

	static final Set<String> DECISIONS = Set.of("APPROVED", "REFUSED");

	private final HandlingLog log;

	private final MatterLedger ledger;

	private final WorkingCalendar calendar;

	private final CallerScope callers;

	private final SystemActions system;

	private final ManagementService managementService;

	private final TaskService taskService;

	DecideExtensionDelegate(HandlingLog log, MatterLedger ledger, WorkingCalendar calendar, CallerScope callers,
			SystemActions system, ManagementService managementService, TaskService taskService) {
		this.log = log;
		this.ledger = ledger;
		this.calendar = calendar;
		this.callers = callers;
		this.system = system;
		this.managementService = managementService;
		this.taskService = taskService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean approved = "APPROVED".equals(ProcessInput.choice(execution, "extensionDecision", "审批结果", DECISIONS));
		String opinion = ProcessInput.text(execution, "extensionOpinion", "审批意见", 500, true);
		Object further = execution.getVariable("allowFurtherExtension");
		boolean allowFurther = Boolean.TRUE.equals(further) || "true".equals(further);
		String matterNo = (String) execution.getVariable(MATTER_NO);
		String approver = callers.authenticated().map(Caller::userId).orElse(null);
		List<HandlingLog.Extension> extensions = log.extensions(matterNo);
		HandlingLog.Extension request = extensions.stream()
			.filter(HandlingLog.Extension::pending)
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException("no pending extension of " + matterNo));
		execution.setVariable("extensionApproved", approved);
		if (!approved) {
			log.decideExtension(request.id(), approver, false, allowFurther, opinion, null, null);
			ledger.addEvent(matterNo, "EXTENSION_REFUSED", approver, "不批准延期：" + opinion);
			return;
		}
		String townshipCode = (String) execution.getVariable(TOWNSHIP_CODE);
		Instant oldDue = ((Date) execution.getVariable(DUE_AT)).toInstant();
		Instant newDue = calendar.plusWorkingDays(townshipCode, oldDue, request.workingDays());
		Date oldRemind = (Date) execution.getVariable(REMIND_AT);
		Instant newRemind = oldRemind == null ? newDue
				: calendar.plusWorkingDays(townshipCode, oldRemind.toInstant(), request.workingDays());
		execution.setVariable(DUE_AT, Date.from(newDue));
		execution.setVariable(REMIND_AT, Date.from(newRemind));
		system.run(() -> {
			move(execution.getProcessInstanceId(), "Event_DeadlinePassed", newDue);
			move(execution.getProcessInstanceId(), "Event_ReminderDue", newRemind);
			Task handling = taskService.createTaskQuery()
				.processInstanceId(execution.getProcessInstanceId())
				.taskDefinitionKey(HANDLING_TASK)
				.singleResult();
			if (handling != null) {
				handling.setDueDate(Date.from(newDue));
				taskService.saveTask(handling);
			}
			return null;
		});
		OffsetDateTime due = OffsetDateTime.ofInstant(newDue, ZoneOffset.UTC);
		log.decideExtension(request.id(), approver, true, allowFurther, opinion, OffsetDateTime.ofInstant(oldDue, ZoneOffset.UTC),
				due);
		ledger.extend(matterNo, approver, due, request.workingDays() + " 个工作日；" + opinion);
	}

	private void move(String processInstanceId, String timer, Instant dueAt) {
		for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).activityId(timer).list()) {
			managementService.setJobDuedate(job.getId(), Date.from(dueAt));
		}
	}

}
