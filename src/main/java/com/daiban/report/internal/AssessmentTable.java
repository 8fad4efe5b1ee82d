package com.daiban.report.internal;

import static com.daiban.report.internal.Cells.percent;

import java.util.List;
import java.util.Map;

import com.daiban.negativelist.NegativeListReason;
import com.daiban.report.Assessment;
import org.springframework.stereotype.Component;

/** The year-end assessment (年终考核) of the units given. */
@Component
class AssessmentTable {

	Tabulated of(int year, List<Assessment.Row> rows) {
		Table table = new Table(year + " 年度考核",
				List.of("类别", "单位/人员", "名称", "受理件数", "按时办结率%", "办结率%", "满意率%", "负面清单（已确认）", "违规人次", "属实投诉",
						"基础分", "考核得分", "等次", "可评效能示范单位"),
				rows.stream()
					.map(r -> List.<Object>of(levelLabel(r.level()), r.unit(), r.name(), r.rates().accepted(),
							percent(r.rates().onTimeRate()), percent(r.rates().resolutionRate()),
							percent(r.rates().satisfactionRate()), reasons(r.negativeByReason()), r.ruleBreaking(),
							r.verifiedComplaints(), r.baseScore(), r.score(), r.grade(), r.modelUnitEligible() ? "是" : "否"))
					.toList());
		return new Tabulated(rows, table, "assessment-" + year);
	}

	private static String levelLabel(String level) {
		return switch (level) {
			case "TOWNSHIP" -> "乡镇";
			case "VILLAGE" -> "村代办点";
			default -> "代办员";
		};
	}

	private static String reasons(Map<NegativeListReason, Integer> byReason) {
		StringBuilder out = new StringBuilder();
		byReason.forEach((reason, count) -> out.append(out.isEmpty() ? "" : "，").append(reason.label()).append(" ").append(count));
		return out.isEmpty() ? "无" : out.toString();
	}

}
