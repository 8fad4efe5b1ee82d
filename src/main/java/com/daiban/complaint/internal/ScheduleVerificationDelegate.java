package com.daiban.complaint.internal;

import static com.daiban.complaint.ComplaintProcess.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import com.daiban.complaint.Complaints;
import com.daiban.deadline.DeadlineCalendar;
import com.daiban.deadline.Promise;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Turns the limits the analysts' decision gave into the verification due date (the task's due date and timer). */
@Component
class ScheduleVerificationDelegate implements JavaDelegate {

	private final DeadlineCalendar calendar;

	private final Complaints complaints;

	ScheduleVerificationDelegate(DeadlineCalendar calendar, Complaints complaints) {
		this.calendar = calendar;
		this.complaints = complaints;
	}

	@Override
	public void execute(DelegateExecution execution) {
		@SuppressWarnings("unchecked")
		Map<String, Object> limits = (Map<String, Object>) execution.getVariable(LIMITS);
		if (limits == null || limits.get("verificationLimit") == null) {
			throw new IllegalStateException(DECISION + " gave no verification limit for " + execution.getVariable(COMPLAINT_NO));
		}
		Promise promise = calendar.promise((String) limits.get("verificationLimit"), null);
		execution.setVariable(VERIFICATION_DUE_AT, Date.from(promise.dueAt()));
		execution.setVariable("verificationLimit", limits.get("verificationLimit"));
		execution.setVariable("rectificationLimit", limits.get("rectificationLimit"));
		complaints.recordVerificationDue((String) execution.getVariable(COMPLAINT_NO),
				OffsetDateTime.ofInstant(promise.dueAt(), ZoneOffset.UTC));
	}

}
