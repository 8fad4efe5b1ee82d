package com.daiban.signoff.internal;

import com.daiban.input.ProcessInput;
import com.daiban.matter.MatterLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Records the resident's confirmation (委托人签字确认) with the 好差评 rating: 1 非常不满意 … 5 非常满意. A resident who
 * does not confirm sends the matter back to handling.
 */
@Component
class RecordSignOffDelegate implements JavaDelegate {

	static final String CONFIRMED = "residentConfirmed";

	static final String RATING = "rating";

	static final String NOTE = "signOffNote";

	private final MatterLedger ledger;

	RecordSignOffDelegate(MatterLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Boolean confirmed = toBoolean(execution.getVariable(CONFIRMED));
		Integer rating = toRating(execution.getVariable(RATING));
		if (confirmed == null || rating == null) {
			throw new FormFieldValidationException(null, "签字确认需要填写“委托人是否认可”和1至5星评价");
		}
		// Camunda Forms submit radio values as text: store the typed values the gateway and reports read.
		execution.setVariable(CONFIRMED, confirmed);
		execution.setVariable(RATING, rating);
		ledger.recordSignOff((String) execution.getVariable("matterNo"), (String) execution.getVariable("agentId"),
				confirmed, rating, ProcessInput.text(execution, NOTE, "备注", 500, false));
	}

	private static Boolean toBoolean(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if ("true".equals(value) || "false".equals(value)) {
			return Boolean.valueOf((String) value);
		}
		return null;
	}

	private static Integer toRating(Object value) {
		Integer rating = null;
		if (value instanceof Number number) {
			rating = number.intValue();
		}
		else if (value instanceof String text && text.matches("[1-5]")) {
			rating = Integer.valueOf(text);
		}
		return rating != null && rating >= 1 && rating <= 5 ? rating : null;
	}

}
