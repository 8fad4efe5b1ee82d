package com.daiban.matter.internal;

import static com.daiban.matter.ProxyMatterProcess.MATTER_NO;

import com.daiban.matter.MatterLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Archives the signed-off matter: the ledger row is complete. */
@Component
class CloseMatterDelegate implements JavaDelegate {

	private final MatterLedger ledger;

	CloseMatterDelegate(MatterLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ledger.close((String) execution.getVariable(MATTER_NO));
	}

}
