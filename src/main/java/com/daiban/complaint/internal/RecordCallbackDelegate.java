package com.daiban.complaint.internal;

import static com.daiban.complaint.ComplaintProcess.*;

import java.util.Set;

import com.daiban.complaint.Complaints;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The callback (回访) that 好差评 requires for every complaint: the complainant's satisfaction, in their words. */
@Component
class RecordCallbackDelegate implements JavaDelegate {

	static final Set<String> SATISFACTIONS = Set.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED");

	private final Complaints complaints;

	RecordCallbackDelegate(Complaints complaints) {
		this.complaints = complaints;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String satisfaction = (String) execution.getVariable(SATISFACTION);
		if (!SATISFACTIONS.contains(satisfaction)) {
			throw new IllegalArgumentException("回访结果必须是满意、基本满意或不满意");
		}
		complaints.recordCallback((String) execution.getVariable(COMPLAINT_NO), satisfaction,
				(String) execution.getVariable(CALLBACK_NOTE), Actors.current(execution));
	}

}
