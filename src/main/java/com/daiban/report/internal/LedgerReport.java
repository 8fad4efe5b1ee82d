package com.daiban.report.internal;

import static com.daiban.report.internal.Cells.at;
import static com.daiban.report.internal.Cells.text;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.identity.CallerScope;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.matter.MatterStatus;
import com.daiban.organisation.Village;
import org.springframework.stereotype.Component;

/** The registration ledger of a village for a month (代办事项服务登记表), with the source's columns. */
@Component
class LedgerReport {

	private final MatterLedger ledger;

	private final ServiceCatalogue catalogue;

	private final CallerScope staff;

	private final ZoneId zone;

	LedgerReport(MatterLedger ledger, ServiceCatalogue catalogue, CallerScope staff, Clock clock) {
		this.ledger = ledger;
		this.catalogue = catalogue;
		this.staff = staff;
		this.zone = clock.getZone();
	}

	Tabulated of(Village village, YearMonth month) {
		List<MatterRecord> matters = ledger.ofVillage(village.code(), start(month), start(month.plusMonths(1)));
		List<LedgerRow> rows = new ArrayList<>();
		// a village has a handful of handlers and items and thousands of matters a month: look each up once
		Map<String, String> handlerNames = new HashMap<>();
		Map<String, String> itemNames = new HashMap<>();
		int n = 0;
		for (MatterRecord m : matters) {
			String item = itemNames.computeIfAbsent(m.serviceItemCode(),
					code -> catalogue.find(code).map(ServiceItem::name).orElse(code));
			String handler = m.handlerId() == null ? ""
					: handlerNames.computeIfAbsent(m.handlerId(), id -> staff.contactOf(id).name());
			rows.add(new LedgerRow(++n, m.matterNo(), at(m.acceptedAt(), zone), m.residentName(), handler,
					(m.agentName() == null ? m.agentId() : m.agentName())
							+ (m.agentPhone() == null ? "" : " " + m.agentPhone()),
					item + "：" + m.description(),
					limitLabel(m.timeLimit()) + (m.dueAt() == null ? "" : "（" + at(m.dueAt(), zone) + "前）"),
					completion(m), signOff(m)));
		}
		Table table = new Table(village.name() + " 代办事项服务登记表（" + month + "）",
				List.of("序号", "事项编号", "受理时间", "委托人", "承办人", "代办人及联系方式", "代办事项内容", "办理时限", "办结情况",
						"委托人签字确认"),
				rows.stream()
					.map(r -> List.<Object>of(r.no(), r.matterNo(), r.acceptedAt(), r.resident(), r.handler(),
							r.agentAndContact(), r.matter(), r.timeLimit(), r.completion(), r.signOff()))
					.toList());
		return new Tabulated(rows, table, "ledger-" + village.code() + "-" + month);
	}

	private OffsetDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
	}

	private static String limitLabel(String timeLimit) {
		if (timeLimit == null) {
			return "";
		}
		return switch (timeLimit) {
			case "P1D" -> "1天";
			case "P7D" -> "1周";
			default -> timeLimit;
		};
	}

	private String completion(MatterRecord m) {
		if (m.status() == MatterStatus.WITHDRAWN) {
			return "委托人撤回：" + text(m.withdrawalReason());
		}
		if (m.status() == MatterStatus.TERMINATED) {
			return at(m.closedAt(), zone) + " " + com.daiban.matter.ClosingReason.valueOf(m.closingReason()).label();
		}
		if (m.status() == MatterStatus.PAUSED) {
			return "中止中";
		}
		if (m.completedAt() == null) {
			return "办理中";
		}
		return at(m.completedAt(), zone) + " 办结，" + (Boolean.TRUE.equals(m.onTime()) ? "按时" : "超时");
	}

	private String signOff(MatterRecord m) {
		if (m.signedOffAt() == null) {
			return "未签字";
		}
		String by = m.signedOffBy() == null ? ""
				: MatterLedger.RESIDENT_HIMSELF.equals(m.signedOffBy()) ? "（本人短信验证）" : "（" + m.signedOffBy() + " 录入）";
		return at(m.signedOffAt(), zone) + " 已签字" + by + (m.rating() == null ? "" : "，评价 " + m.rating() + " 星");
	}

	/** One line of the registration form, with the source's columns. */
	record LedgerRow(int no, String matterNo, String acceptedAt, String resident, String handler, String agentAndContact,
			String matter, String timeLimit, String completion, String signOff) {
	}

}
