package com.daiban.handling.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import com.daiban.deadline.WorkingCalendar;
import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.matter.MatterLedger;
import com.daiban.input.ProcessInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordResume, after the unit's 续办: the due instant becomes now plus the working time that was left when the
 * matter was paused (the reminder likewise), so the paused working time is added to the promise and not counted
 * against the unit.
 */
@Component
class ResumeMatterDelegate implements JavaDelegate {

	private final HandlingLog log;

	private final MatterLedger ledger;

	private final WorkingCalendar calendar;

	private final CallerScope callers;

	private final java.time.Clock clock;

	ResumeMatterDelegate(HandlingLog log, MatterLedger ledger, WorkingCalendar calendar, CallerScope callers,
			java.time.Clock clock) {
		this.log = log;
		this.ledger = ledger;
		this.calendar = calendar;
		this.callers = callers;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String matterNo = (String) execution.getVariable(MATTER_NO);
		String townshipCode = (String) execution.getVariable(TOWNSHIP_CODE);
		String note = ProcessInput.text(execution, "resumeNote", "续办说明", 500, false);
		String actor = callers.authenticated().map(Caller::userId).orElse((String) execution.getVariable("resumedBy"));
		HandlingLog.OpenPause pause = log.openPause(matterNo)
			.orElseThrow(() -> new IllegalStateException("no open pause recorded for " + matterNo));
		Instant now = clock.instant();
		Instant dueAt = calendar.plusWorkingTime(townshipCode, now, pause.remaining());
		Instant remindAt = pause.untilReminder() == null ? dueAt : calendar.plusWorkingTime(townshipCode, now, pause.untilReminder());
		Duration paused = calendar.workingTimeBetween(townshipCode, pause.pausedAt(), now);
		execution.setVariable(DUE_AT, Date.from(dueAt));
		execution.setVariable(REMIND_AT, Date.from(remindAt));
		OffsetDateTime due = OffsetDateTime.ofInstant(dueAt, ZoneOffset.UTC);
		log.resume(pause.id(), actor, due, paused);
		ledger.resume(matterNo, actor, due, "中止 " + PausedTimes.format(paused) + "（工作时间）" + (note == null ? "" : "；" + note));
	}

}
