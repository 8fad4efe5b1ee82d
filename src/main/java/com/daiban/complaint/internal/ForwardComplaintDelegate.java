package com.daiban.complaint.internal;

import static com.daiban.complaint.ComplaintProcess.*;

import com.daiban.matter.ProxyMatterProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the running matter about the complaint, so that it shows in the matter's own timeline. */
@Component
class ForwardComplaintDelegate implements JavaDelegate {

	private final RuntimeService runtimeService;

	ForwardComplaintDelegate(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String content = (String) execution.getVariable(CONTENT);
		runtimeService.createMessageCorrelation(ProxyMatterProcess.COMPLAINT_MESSAGE)
			.processInstanceBusinessKey((String) execution.getVariable(MATTER_NO))
			.setVariable("complaintNo", execution.getVariable(COMPLAINT_NO))
			.setVariable("complaintSummary", content.length() > 100 ? content.substring(0, 100) + "…" : content)
			.correlateWithResult();
	}

}
