package com.daiban.inspection.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import com.daiban.identity.AccessGrants;
import com.daiban.identity.Groups;
import com.daiban.inspection.InspectionReport;
import com.daiban.inspection.Inspections;
import com.daiban.inspection.ReasonLabels;
import com.daiban.negativelist.NegativeListEntry;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Builds one township's report inside the per-township branch and lays it out for the review form: the figures,
 * the entries to decide, and one pre-filled decision line per entry ("编号 确认"), which the supervisor changes to
 * "编号 撤销 理由" where an entry is struck. Variables are local to the branch: each township sees only its own.
 */
@Component
class BuildInspectionReportDelegate implements JavaDelegate {

	private final Inspections inspections;

	private final AccessGrants grants;

	BuildInspectionReportDelegate(Inspections inspections, AccessGrants grants) {
		this.inspections = inspections;
		this.grants = grants;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String townshipCode = (String) execution.getVariable("townshipCode");
		YearMonth month = YearMonth.parse((String) execution.getVariable("inspectionMonth"));
		InspectionReport report = inspections.build(townshipCode, month, execution.getProcessInstanceId());
		List<NegativeListEntry> proposals = inspections.proposals(report.id());
		execution.setVariableLocal("inspectionId", report.id());
		execution.setVariableLocal("reportSummary", summary(report));
		execution.setVariableLocal("proposalList", proposals.isEmpty() ? "（本月没有待复核的负面清单条目）"
				: proposals.stream().map(BuildInspectionReportDelegate::line).collect(Collectors.joining("\n")));
		execution.setVariableLocal("reviewDecisions",
				proposals.stream().map(e -> e.id() + " 确认").collect(Collectors.joining("\n")));
		execution.setVariableLocal("proposalCount", proposals.size());
		grants.grantGroup(Groups.supervision(townshipCode), Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(),
				Permissions.READ);
	}

	static String summary(InspectionReport r) {
		return "%s %s 月度检查：受理 %d 件，按时办结 %d 件，超时 %d 件，未签字确认 %d 件，退回重办 %d 件，撤回 %d 件，投诉 %d 件。"
			.formatted(r.townshipCode(), r.periodMonth(), r.acceptedCount(), r.onTimeCount(), r.lateCount(),
					r.unsignedCount(), r.rejectedCount(), r.withdrawnCount(), r.complaintCount());
	}

	static String line(NegativeListEntry e) {
		return "%d  %s  %s  %s  %s  %s".formatted(e.id(), e.matterNo() == null ? "-" : e.matterNo(),
				ReasonLabels.of(e.reason()), e.villageCode(), e.subject(), e.detail() == null ? "" : e.detail());
	}

}
