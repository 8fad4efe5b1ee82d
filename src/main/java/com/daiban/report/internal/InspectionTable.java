package com.daiban.report.internal;

import static com.daiban.report.internal.Cells.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.daiban.inspection.InspectionReport;
import com.daiban.negativelist.NegativeListEntry;
import org.springframework.stereotype.Component;

/** A township's monthly inspection (月度检查): the month's figures and the entries put up for review. */
@Component
class InspectionTable {

	Tabulated of(InspectionReport r, List<NegativeListEntry> proposals) {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("受理", r.acceptedCount(), "", "", "", ""));
		rows.add(List.of("按时办结", r.onTimeCount(), "", "", "", ""));
		rows.add(List.of("超时", r.lateCount(), "", "", "", ""));
		rows.add(List.of("未签字确认", r.unsignedCount(), "", "", "", ""));
		rows.add(List.of("退回重办", r.rejectedCount(), "", "", "", ""));
		rows.add(List.of("撤回", r.withdrawnCount(), "", "", "", ""));
		rows.add(List.of("投诉", r.complaintCount(), "", "", "", ""));
		for (NegativeListEntry e : proposals) {
			rows.add(List.of("负面清单 #" + e.id(), text(e.matterNo()), e.reason().label(), e.subject(), e.status().label(),
					text(e.reviewedBy()) + " " + text(e.reviewNote())));
		}
		Table table = new Table(r.townshipCode() + " " + r.periodMonth() + " 月度检查报告",
				List.of("项目", "数量/事项", "原因", "责任单位/人", "复核状态", "复核人及理由"), rows);
		return new Tabulated(Map.of("report", r, "proposals", proposals), table,
				"inspection-" + r.townshipCode() + "-" + r.periodMonth());
	}

}
