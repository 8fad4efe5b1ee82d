package com.daiban.complaint.internal;

import static com.daiban.complaint.ComplaintProcess.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import com.daiban.complaint.Complaints;
import com.daiban.deadline.DeadlineCalendar;
import com.daiban.deadline.Promise;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the township center's finding; a verified complaint gets its rectification deadline here. */
@Component
class RecordVerificationDelegate implements JavaDelegate {

	private final Complaints complaints;

	private final DeadlineCalendar calendar;

	RecordVerificationDelegate(Complaints complaints, DeadlineCalendar calendar) {
		this.complaints = complaints;
		this.calendar = calendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean verified = "VERIFIED".equals(execution.getVariable(VERIFICATION_RESULT));
		String severity = (String) execution.getVariable(SEVERITY);
		if (verified && !"NORMAL".equals(severity) && !"SERIOUS".equals(severity)) {
			severity = "NORMAL";
			execution.setVariable(SEVERITY, severity);
		}
		OffsetDateTime rectificationDueAt = null;
		if (verified) {
			Promise promise = calendar.promise((String) execution.getVariable("rectificationLimit"), null);
			rectificationDueAt = OffsetDateTime.ofInstant(promise.dueAt(), ZoneOffset.UTC);
			execution.setVariable(RECTIFICATION_DUE_AT, Date.from(promise.dueAt()));
		}
		complaints.recordVerification((String) execution.getVariable(COMPLAINT_NO), verified, severity,
				(String) execution.getVariable(VERIFICATION_NOTE), (String) execution.getVariable(ACCOUNTABILITY_NOTE),
				Actors.current(execution), rectificationDueAt);
	}

}
