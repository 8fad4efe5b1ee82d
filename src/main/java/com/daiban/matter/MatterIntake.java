package com.daiban.matter;

import static com.daiban.matter.ProxyMatterProcess.*;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.daiban.identity.Caller;
import com.daiban.engine.ServerWrites;
import com.daiban.identity.SystemActions;
import com.daiban.matter.MatterLedger.ValidatedDraft;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepting a matter: validate, number it, start its proxy-matter instance. Everything happens in one transaction with
 * the engine, so bad input or a failing start leaves no ledger row and no instance behind.
 */
@Service
public class MatterIntake {

	private final MatterLedger ledger;

	private final RuntimeService runtimeService;

	private final SystemActions system;

	MatterIntake(MatterLedger ledger, RuntimeService runtimeService, SystemActions system) {
		this.ledger = ledger;
		this.runtimeService = runtimeService;
		this.system = system;
	}

	@Transactional
	public AcceptedMatter accept(MatterDraft draft, Caller caller) {
		ValidatedDraft validated = ledger.validate(draft);
		if (!caller.mayAcceptFor(validated.village().code())) {
			throw new MatterForbiddenException("只能为本村受理代办事项：" + validated.village().name());
		}
		String matterNo = ledger.nextMatterNo(validated.village().townshipCode());
		// the matter number is the process's own variable: only our service sets it, after the checks above
		ProcessInstanceWithVariables instance = ServerWrites.run(() -> runtimeService.createProcessInstanceByKey(KEY)
			.businessKey(matterNo)
			.setVariables(variables(matterNo, validated, caller.userId()))
			.executeWithVariablesInReturn());
		Date dueAt = (Date) instance.getVariables().get(DUE_AT);
		return new AcceptedMatter(matterNo, (String) instance.getVariables().get(LEVEL),
				dueAt == null ? null : OffsetDateTime.ofInstant(dueAt.toInstant(), ZoneId.systemDefault()),
				instance.getId());
	}

	/** A resident's withdrawal, through the message the process waits for in any state. */
	@Transactional
	public void withdraw(String matterNo, String reason, Caller caller) {
		MatterRecord matter = ledger.find(matterNo)
			.filter(m -> caller.maySee(m.villageCode(), m.townshipCode(), m.handlingGroup()))
			.orElseThrow(() -> new MatterNotFoundException(matterNo));
		if (!caller.mayAcceptFor(matter.villageCode())) {
			throw new MatterForbiddenException("只有本村代办员可以为委托人办理撤回");
		}
		if (matter.ended()) {
			throw new InvalidMatterException("matterNo", "事项已结束，不能撤回：" + matterNo);
		}
		system.run(() -> runtimeService.createMessageCorrelation(WITHDRAWAL_MESSAGE)
			.processInstanceBusinessKey(matterNo)
			.setVariable(WITHDRAWAL_REASON, reason)
			.setVariable("withdrawnBy", caller.userId())
			.correlateWithResult());
	}

	static Map<String, Object> variables(String matterNo, ValidatedDraft validated, String agentId) {
		MatterDraft draft = validated.draft();
		Map<String, Object> variables = new HashMap<>();
		variables.put(MATTER_NO, matterNo);
		variables.put(VILLAGE_CODE, draft.villageCode());
		variables.put(SERVICE_ITEM_CODE, draft.serviceItemCode());
		variables.put(CHANNEL, draft.channel().name());
		variables.put(RESIDENT_NAME, draft.residentName());
		variables.put(RESIDENT_PHONE, draft.residentPhone());
		variables.put(DESCRIPTION, draft.description());
		variables.put(AGENT_ID, agentId);
		return variables;
	}

}
