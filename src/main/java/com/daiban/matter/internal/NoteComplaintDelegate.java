package com.daiban.matter.internal;

import static com.daiban.matter.ProxyMatterProcess.MATTER_NO;

import com.daiban.matter.MatterLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A real-name complaint about a running matter arrives as the {@code complaint-filed} message with
 * {@code complaintNo} and {@code complaintSummary}; it goes on the matter's timeline, the matter itself runs on.
 */
@Component
class NoteComplaintDelegate implements JavaDelegate {

	private final MatterLedger ledger;

	NoteComplaintDelegate(MatterLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object summary = execution.getVariable("complaintSummary");
		ledger.addEvent((String) execution.getVariable(MATTER_NO), "COMPLAINT", null,
				"收到实名投诉 " + execution.getVariable("complaintNo") + (summary == null ? "" : "：" + summary));
	}

}
