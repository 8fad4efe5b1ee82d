package com.daiban.handling.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import com.daiban.identity.AccessGrants;
import com.daiban.matter.MatterLedger;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_TransferMatter: the receiving unit becomes the handling group (its new Task_HandleMatter carries the same due
 * instant) and may follow the matter; the first unit's open 督办 ends with its handling, and nothing is marked against
 * it for the transfer.
 */
@Component
class TransferMatterDelegate implements JavaDelegate {

	private final MatterLedger ledger;

	private final AccessGrants grants;

	TransferMatterDelegate(MatterLedger ledger, AccessGrants grants) {
		this.ledger = ledger;
		this.grants = grants;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String from = (String) execution.getVariable(HANDLING_GROUP);
		String to = (String) execution.getVariable("transferTo");
		execution.setVariable(HANDLING_GROUP, to);
		execution.setVariable(HANDLING_OPEN, false);
		grants.grantGroup(to, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
		grants.grantGroup(to, Resources.HISTORIC_PROCESS_INSTANCE, execution.getProcessInstanceId(),
				HistoricProcessInstancePermissions.READ);
		ledger.transfer((String) execution.getVariable(MATTER_NO), (String) execution.getVariable("transferredBy"), from, to,
				(String) execution.getVariable("transferReason"));
	}

}
