package com.daiban.complaint.internal;

import static com.daiban.complaint.ComplaintProcess.*;

import com.daiban.complaint.Complaints;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordRectificationDelegate implements JavaDelegate {

	private final Complaints complaints;

	RecordRectificationDelegate(Complaints complaints) {
		this.complaints = complaints;
	}

	@Override
	public void execute(DelegateExecution execution) {
		complaints.recordRectification((String) execution.getVariable(COMPLAINT_NO),
				(String) execution.getVariable(RECTIFICATION_NOTE), Actors.current(execution));
	}

}
