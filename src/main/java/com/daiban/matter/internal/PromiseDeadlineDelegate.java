package com.daiban.matter.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import com.daiban.deadline.DeadlineCalendar;
import com.daiban.deadline.Promise;
import com.daiban.matter.MatterLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the routing decision into the promise: where the matter goes and by when it is done. Runs on acceptance and
 * again whenever the matter comes back for rework, each time with a fresh promise.
 */
@Component
class PromiseDeadlineDelegate implements JavaDelegate {

	private final DeadlineCalendar calendar;

	private final MatterLedger ledger;

	private final MatterAccess access;

	PromiseDeadlineDelegate(DeadlineCalendar calendar, MatterLedger ledger, MatterAccess access) {
		this.calendar = calendar;
		this.ledger = ledger;
		this.access = access;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// Task_DecideRoute maps the decision's four outputs to string variables (not one serialized map: that cost a
		// byte array per write and per history entry); a rework round re-promises from them without deciding again.
		String level = (String) execution.getVariable(LEVEL);
		String handlingGroup = (String) execution.getVariable(HANDLING_GROUP);
		String timeLimit = (String) execution.getVariable("timeLimit");
		if (level == null || handlingGroup == null || timeLimit == null) {
			throw new IllegalStateException("matter-routing gave no complete route for " + execution.getVariable(MATTER_NO));
		}
		Promise promise = calendar.promise(timeLimit, (String) execution.getVariable("reminderLead"));
		Integer round = (Integer) execution.getVariable("promiseRound");
		execution.setVariable("promiseRound", round == null ? 1 : round + 1);
		execution.setVariable(DUE_AT, Date.from(promise.dueAt()));
		execution.setVariable("remindAt", Date.from(promise.remindAt()));
		String matterNo = (String) execution.getVariable(MATTER_NO);
		ledger.recordPromise(matterNo, level, handlingGroup, timeLimit,
				OffsetDateTime.ofInstant(promise.dueAt(), ZoneOffset.UTC));
		access.grantHandlingUnit(execution.getProcessInstanceId(), handlingGroup, (String) execution.getVariable(VILLAGE_CODE),
				(String) execution.getVariable(TOWNSHIP_CODE));
	}

}
