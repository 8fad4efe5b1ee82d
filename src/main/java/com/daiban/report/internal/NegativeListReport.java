package com.daiban.report.internal;

import static com.daiban.report.internal.Cells.at;
import static com.daiban.report.internal.Cells.text;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.daiban.negativelist.NegativeListEntry;
import org.springframework.stereotype.Component;

/** A year's negative list (负面清单) with each entry's review. */
@Component
class NegativeListReport {

	private final ZoneId zone;

	NegativeListReport(Clock clock) {
		this.zone = clock.getZone();
	}

	Tabulated of(int year, List<NegativeListEntry> entries) {
		List<List<Object>> rows = new ArrayList<>();
		int n = 0;
		for (NegativeListEntry e : entries) {
			rows.add(List.of(++n, text(e.matterNo()), e.reason().label(), text(e.severity()), e.subject(), e.villageCode(),
					e.townshipCode(), at(e.recordedAt(), zone), text(e.detail()), e.status().label(),
					text(e.reviewedBy()), at(e.reviewedAt(), zone), text(e.reviewNote())));
		}
		Table table = new Table(year + " 年负面清单", List.of("序号", "事项编号", "原因", "严重程度", "责任单位/人", "村", "乡镇",
				"记录时间", "说明", "复核状态", "复核人", "复核时间", "复核理由"), rows);
		return new Tabulated(entries, table, "negative-list-" + year);
	}

}
