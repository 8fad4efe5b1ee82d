package com.daiban.complaint.internal;

import static com.daiban.complaint.ComplaintProcess.*;

import com.daiban.identity.Groups;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeMark;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A verified complaint goes on the negative list (reason COMPLAINT) against the unit complained about: the matter's
 * handling unit and handler when it names a handled matter, otherwise the village proxy point and its agent. Once per
 * complaint, however often the job runs.
 */
@Component
class MarkComplaintDelegate implements JavaDelegate {

	static final String REASON = "COMPLAINT";

	private final NegativeList negativeList;

	private final MatterLedger ledger;

	MarkComplaintDelegate(NegativeList negativeList, MatterLedger ledger) {
		this.negativeList = negativeList;
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String complaintNo = (String) execution.getVariable(COMPLAINT_NO);
		String villageCode = (String) execution.getVariable(VILLAGE_CODE);
		String matterNo = (String) execution.getVariable(MATTER_NO);
		MatterRecord matter = matterNo == null ? null : ledger.find(matterNo).orElse(null);
		String unit;
		String person;
		if (matter != null && "MATTER".equals(execution.getVariable(KIND)) && matter.handlingGroup() != null) {
			unit = matter.handlingGroup();
			person = matter.handlerId();
		}
		else {
			unit = Groups.village(villageCode);
			person = matter == null ? null : matter.agentId();
		}
		String content = (String) execution.getVariable(CONTENT);
		negativeList.mark(new NegativeMark(complaintNo + ":" + REASON, matterNo, REASON,
				(String) execution.getVariable(SEVERITY), unit + (person == null ? "" : " / " + person), unit, person,
				villageCode, (String) execution.getVariable(TOWNSHIP_CODE),
				"实名投诉 " + complaintNo + "：" + (content.length() > 300 ? content.substring(0, 300) + "…" : content)));
	}

}
