package com.daiban.matter.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import com.daiban.input.ProcessInput;
import com.daiban.matter.MatterLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends the matter in the ledger with the resident's reason for withdrawing it. */
@Component
class RecordWithdrawalDelegate implements JavaDelegate {

	private final MatterLedger ledger;

	RecordWithdrawalDelegate(MatterLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = ProcessInput.text(execution, WITHDRAWAL_REASON, "撤回原因", 500, false);
		Object withdrawnBy = execution.getVariable("withdrawnBy");
		ledger.withdraw((String) execution.getVariable(MATTER_NO),
				withdrawnBy != null ? (String) withdrawnBy : (String) execution.getVariable(AGENT_ID),
				reason == null || reason.isBlank() ? "未说明" : reason);
	}

}
