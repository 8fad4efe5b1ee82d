package com.daiban.matter.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import com.daiban.identity.CallerScope;
import com.daiban.identity.StaffContact;
import com.daiban.matter.Channel;
import com.daiban.matter.InvalidMatterException;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterForbiddenException;
import com.daiban.matter.MatterLedger.ValidatedDraft;
import com.daiban.matter.MatterLedger;
import com.daiban.web.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * First step of every proxy matter, however it was started: checks the input, numbers the matter when Tasklist started
 * it, and writes its ledger row.
 */
@Component
class RegisterMatterDelegate implements JavaDelegate {

	private final MatterLedger ledger;

	private final MatterAccess access;

	private final CallerScope callerScope;

	RegisterMatterDelegate(MatterLedger ledger, MatterAccess access, CallerScope callerScope) {
		this.ledger = ledger;
		this.access = access;
		this.callerScope = callerScope;
	}

	@Override
	public void execute(DelegateExecution execution) {
		try {
			register(execution);
		}
		catch (InvalidInputException e) {
			// Started from Tasklist or the engine REST API: answer like the engine does for bad input (400).
			String message = e.getMessage().contains(e.field()) ? e.getMessage() : e.getMessage() + "（" + e.field() + "）";
			throw new FormFieldValidationException(e.field(), message);
		}
		catch (MatterForbiddenException e) {
			throw new AuthorizationException(e.getMessage());
		}
	}

	private void register(DelegateExecution execution) {
		String agentId = (String) execution.getVariable(AGENT_ID);
		if (agentId == null || agentId.isBlank()) {
			throw new InvalidMatterException(AGENT_ID, "缺少受理代办员");
		}
		ValidatedDraft validated = ledger.validate(new MatterDraft(text(execution, VILLAGE_CODE),
				text(execution, SERVICE_ITEM_CODE), channel(text(execution, CHANNEL)), text(execution, RESIDENT_NAME),
				text(execution, RESIDENT_PHONE), text(execution, DESCRIPTION), agentId));
		if (callerScope.authenticated().filter(caller -> !caller.mayAcceptFor(validated.village().code())).isPresent()) {
			throw new MatterForbiddenException("只能为本村受理代办事项：" + validated.village().name());
		}
		String matterNo = (String) execution.getVariable(MATTER_NO);
		if (matterNo == null) {
			matterNo = ledger.nextMatterNo(validated.village().townshipCode());
			execution.setVariable(MATTER_NO, matterNo);
			execution.setProcessBusinessKey(matterNo);
		}
		StaffContact agent = callerScope.contactOf(agentId);
		ledger.register(matterNo, validated, agent, execution.getProcessInstanceId());
		access.grantInstance(execution.getProcessInstanceId(), validated.village().code(),
				validated.village().townshipCode());
		execution.setVariable(TOWNSHIP_CODE, validated.village().townshipCode());
		execution.setVariable(SERVICE_ITEM_NAME, validated.item().name());
		execution.setVariable(RESIDENT_NAME, validated.resident().name());
		execution.setVariable(RESIDENT_PHONE, validated.resident().phone());
		// shown read-only on the handling form: who to call back, from where, and how the matter came in
		execution.setVariable(AGENT_NAME, agent.name());
		execution.setVariable(AGENT_PHONE, agent.phone());
		execution.setVariable(VILLAGE_NAME, validated.village().name());
		execution.setVariable(CHANNEL_LABEL, validated.draft().channel().label() + "受理");
		// read only by the routing decision, next in this transaction, whose history keeps them as its inputs
		RouteInputsListener.set(execution, validated.item());
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		if (value != null && !(value instanceof String)) {
			throw new InvalidMatterException(name, "应为文本：" + name);
		}
		return (String) value;
	}

	private static Channel channel(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Channel.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidMatterException("channel", "受理方式必须是 OFFICE、HOME 或 PHONE");
		}
	}

}
