package com.daiban.complaint.internal;

import static com.daiban.complaint.ComplaintProcess.*;

import com.daiban.complaint.ComplaintDraft;
import com.daiban.complaint.ComplaintKind;
import com.daiban.complaint.Complaints;
import com.daiban.identity.AccessGrants;
import com.daiban.identity.Groups;
import com.daiban.matter.MatterRecord;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of every complaint, whether the API or Tasklist started it: checks the input, numbers the complaint
 * (the business key), writes its row and opens the instance to the village, township and supervision office.
 */
@Component
class RegisterComplaintDelegate implements JavaDelegate {

	private final Complaints complaints;

	private final AccessGrants grants;

	RegisterComplaintDelegate(Complaints complaints, AccessGrants grants) {
		this.complaints = complaints;
		this.grants = grants;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String kind = (String) execution.getVariable(KIND);
		ComplaintKind complaintKind;
		try {
			complaintKind = kind == null || kind.isBlank() ? null : ComplaintKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			throw new com.daiban.web.InvalidInputException("kind", "投诉类型必须是 MATTER、CONDUCT 或 OTHER");
		}
		Complaints.Validated validated = complaints.validate(new ComplaintDraft((String) execution.getVariable(MATTER_NO),
				(String) execution.getVariable(VILLAGE_CODE), complaintKind,
				(String) execution.getVariable(COMPLAINANT_NAME), (String) execution.getVariable(COMPLAINANT_PHONE),
				(String) execution.getVariable(CONTENT)));
		String filedBy = (String) execution.getVariable(FILED_BY);
		String complaintNo = complaints.register(validated, filedBy == null ? "unknown" : filedBy,
				execution.getProcessInstanceId());
		execution.setProcessBusinessKey(complaintNo);
		String townshipCode = validated.village().townshipCode();
		MatterRecord matter = validated.matter();
		execution.setVariable(COMPLAINT_NO, complaintNo);
		execution.setVariable(TOWNSHIP_CODE, townshipCode);
		execution.setVariable(KIND, validated.kind().name());
		execution.setVariable(MATTER_NO, matter == null ? null : matter.matterNo());
		execution.setVariable(MATTER_RUNNING, matter != null && matter.processInstanceId() != null
				&& !"CLOSED".equals(matter.status()) && !"WITHDRAWN".equals(matter.status()));
		// Notifications about this complaint are keyed by it, not by the matter, which may have several complaints.
		execution.setVariable("notificationScope", complaintNo);
		// The township center answers for the complaint: notify steps address it as HANDLERS.
		execution.setVariable("handlingGroup", Groups.township(townshipCode));
		for (String group : new String[] { Groups.village(validated.village().code()), Groups.township(townshipCode),
				Groups.supervision(townshipCode) }) {
			grants.grantGroup(group, Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), Permissions.READ);
		}
	}

}
