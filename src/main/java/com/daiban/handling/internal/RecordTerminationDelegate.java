package com.daiban.handling.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import java.time.Duration;

import com.daiban.deadline.WorkingCalendar;
import com.daiban.matter.ClosingReason;
import com.daiban.matter.MatterLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordTermination: the matter ends as TERMINATED (or DUPLICATE) with its reason; an open pause ends too. */
@Component
class RecordTerminationDelegate implements JavaDelegate {

	private final MatterLedger ledger;

	private final HandlingLog log;

	private final WorkingCalendar calendar;

	private final java.time.Clock clock;

	RecordTerminationDelegate(MatterLedger ledger, HandlingLog log, WorkingCalendar calendar, java.time.Clock clock) {
		this.ledger = ledger;
		this.log = log;
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String matterNo = (String) execution.getVariable(MATTER_NO);
		String actor = (String) execution.getVariable("terminatedBy");
		log.openPause(matterNo).ifPresent(pause -> {
			Duration paused = calendar.workingTimeBetween((String) execution.getVariable(TOWNSHIP_CODE), pause.pausedAt(),
					clock.instant());
			log.resume(pause.id(), actor, null, paused);
		});
		ledger.terminate(matterNo, actor, ClosingReason.valueOf((String) execution.getVariable("closingReason")),
				(String) execution.getVariable("terminationReason"));
	}

}
