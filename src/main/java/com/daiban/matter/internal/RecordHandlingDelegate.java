package com.daiban.matter.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import java.util.Set;

import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.input.ProcessInput;
import com.daiban.matter.MatterLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the handling unit's outcome and reply to the ledger, with the clerk who completed the task. */
@Component
class RecordHandlingDelegate implements JavaDelegate {

	static final Set<String> OUTCOMES = Set.of("DONE", "MATERIALS_MISSING", "NOT_RESPONSIBLE", "CANNOT_BE_DONE");

	private final MatterLedger ledger;

	private final CallerScope callerScope;

	RecordHandlingDelegate(MatterLedger ledger, CallerScope callerScope) {
		this.ledger = ledger;
		this.callerScope = callerScope;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String handlerId = callerScope.authenticated().map(Caller::userId).orElse(null);
		String outcome = ProcessInput.choice(execution, OUTCOME, "办理结果", OUTCOMES);
		String reply = ProcessInput.text(execution, REPLY, "答复内容", 500, true);
		ledger.recordHandling((String) execution.getVariable(MATTER_NO), handlerId, outcome, reply);
	}

}
