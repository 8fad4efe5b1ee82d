package com.daiban.complaint.internal;

import static com.daiban.complaint.ComplaintProcess.*;

import com.daiban.complaint.Complaints;
import com.daiban.identity.CallerScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class RecordRectificationDelegate implements JavaDelegate {

	private final Complaints complaints;

	private final CallerScope callers;

	RecordRectificationDelegate(Complaints complaints, CallerScope callers) {
		this.callers = callers;
		this.complaints = complaints;
	}

	@Override
	public void execute(DelegateExecution execution) {
		complaints.recordRectification((String) execution.getVariable(COMPLAINT_NO),
				(String) execution.getVariable(RECTIFICATION_NOTE), callers.userId());
	}

}
