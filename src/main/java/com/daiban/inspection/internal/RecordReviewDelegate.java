package com.daiban.inspection.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.daiban.inspection.Inspections;
import com.daiban.web.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Applies the decision lines of the review form to the entries still open (decisions already made through
 * {@code POST /api/inspections/{id}/decisions} stand), then closes the review. Runs in the transaction that completes
 * the task: an undecided entry, a strike without a reason or an anonymous reviewer refuses the completion.
 */
@Component
class RecordReviewDelegate implements JavaDelegate {

	private static final Pattern LINE = Pattern.compile("^\\s*(\\d+)\\s+(确认|撤销|CONFIRM|STRIKE)\\s*(.*)$");

	private final Inspections inspections;

	RecordReviewDelegate(Inspections inspections) {
		this.inspections = inspections;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			throw new InvalidInputException("reviewer", "复核须由登录的督查办人员完成");
		}
		String reviewer = authentication.getUserId();
		long inspectionId = ((Number) execution.getVariable("inspectionId")).longValue();
		String decisions = (String) execution.getVariable("reviewDecisions");
		var open = inspections.proposals(inspectionId).stream().filter(e -> "PROPOSED".equals(e.status())).map(e -> e.id()).toList();
		if (decisions != null) {
			for (String raw : decisions.split("\\R")) {
				if (raw.isBlank()) {
					continue;
				}
				Matcher m = LINE.matcher(raw);
				if (!m.matches()) {
					throw new InvalidInputException("reviewDecisions", "无法识别的复核意见：" + raw.trim() + "（格式：编号 确认，或 编号 撤销 理由）");
				}
				long entryId = Long.parseLong(m.group(1));
				if (open.contains(entryId)) {
					boolean confirm = m.group(2).equals("确认") || m.group(2).equals("CONFIRM");
					String note = m.group(3).isBlank() ? null : m.group(3).trim();
					inspections.decide(inspectionId, entryId, confirm, reviewer, note);
				}
			}
		}
		inspections.completeReview(inspectionId, reviewer);
	}

}
