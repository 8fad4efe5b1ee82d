package com.daiban.matter;

import static com.daiban.matter.ProxyMatterProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the handling unit's outcome and reply to the ledger, with the clerk who completed the task. */
@Component
class RecordHandlingDelegate implements JavaDelegate {

	private final MatterLedger ledger;

	private final IdentityService identityService;

	RecordHandlingDelegate(MatterLedger ledger, IdentityService identityService) {
		this.ledger = ledger;
		this.identityService = identityService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		var authentication = identityService.getCurrentAuthentication();
		String handlerId = authentication == null ? null : authentication.getUserId();
		ledger.recordHandling((String) execution.getVariable(MATTER_NO), handlerId,
				(String) execution.getVariable(OUTCOME), (String) execution.getVariable(REPLY));
	}

}
