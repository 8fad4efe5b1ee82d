package com.daiban.report.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.inspection.InspectionReport;
import com.daiban.inspection.Inspections;
import com.daiban.inspection.ReasonLabels;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Village;
import com.daiban.report.Assessment;
import com.daiban.web.ForbiddenException;
import com.daiban.web.InvalidInputException;
import com.daiban.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision reports: the registration ledger, the negative list, the monthly inspection and the year-end
 * assessment, each as JSON, as an .xlsx to archive and as a page to print. Village agents see their village, township
 * clerks and supervisors their township, administrators everything; anyone else is refused.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MatterLedger ledger;

	private final NegativeList negativeList;

	private final Inspections inspections;

	private final Assessment assessment;

	private final Organisation organisation;

	private final ServiceCatalogue catalogue;

	private final CallerScope callers;

	private final ZoneId zone;

	ReportController(MatterLedger ledger, NegativeList negativeList, Inspections inspections, Assessment assessment,
			Organisation organisation, ServiceCatalogue catalogue, CallerScope callers, java.time.Clock clock) {
		this.ledger = ledger;
		this.negativeList = negativeList;
		this.inspections = inspections;
		this.assessment = assessment;
		this.organisation = organisation;
		this.catalogue = catalogue;
		this.callers = callers;
		this.zone = clock.getZone();
	}

	// ---- registration ledger (代办事项服务登记表)

	@GetMapping("/ledger")
	List<LedgerRow> ledger(@RequestParam String village, @RequestParam String month) {
		return ledgerRows(village, month);
	}

	@GetMapping("/ledger.xlsx")
	ResponseEntity<byte[]> ledgerXlsx(@RequestParam String village, @RequestParam String month) {
		return xlsx(ledgerTable(village, month), "ledger-" + village + "-" + month);
	}

	@GetMapping(value = "/ledger.html", produces = MediaType.TEXT_HTML_VALUE)
	String ledgerHtml(@RequestParam String village, @RequestParam String month) {
		return TableRenderer.html(ledgerTable(village, month));
	}

	private List<LedgerRow> ledgerRows(String villageCode, String month) {
		Caller caller = callers.current();
		Village village = organisation.findVillage(villageCode)
			.orElseThrow(() -> new InvalidInputException("village", "未知的村代码"));
		if (!caller.isAdmin() && !caller.villages().contains(village.code())
				&& !caller.maySeeTownship(village.townshipCode())) {
			throw new ForbiddenException("无权查看该村的登记表");
		}
		YearMonth period = month(month);
		List<MatterRecord> matters = ledger.ofVillage(village.code(), inspections.start(period),
				inspections.start(period.plusMonths(1)));
		List<LedgerRow> rows = new ArrayList<>();
		// a village has a handful of handlers and items and thousands of matters a month: look each up once
		java.util.Map<String, String> handlerNames = new java.util.HashMap<>();
		java.util.Map<String, String> itemNames = new java.util.HashMap<>();
		int n = 0;
		for (MatterRecord m : matters) {
			String item = itemNames.computeIfAbsent(m.serviceItemCode(),
					code -> catalogue.find(code).map(ServiceItem::name).orElse(code));
			rows.add(new LedgerRow(++n, m.matterNo(), at(m.acceptedAt()), m.residentName(),
					m.handlerId() == null ? ""
							: handlerNames.computeIfAbsent(m.handlerId(), id -> callers.contactOf(id).name()),
					(m.agentName() == null ? m.agentId() : m.agentName()) + (m.agentPhone() == null ? "" : " " + m.agentPhone()),
					item + "：" + m.description(), limitLabel(m.timeLimit()) + (m.dueAt() == null ? "" : "（" + at(m.dueAt()) + "前）"),
					completion(m), signOff(m)));
		}
		return rows;
	}

	private Table ledgerTable(String village, String month) {
		List<LedgerRow> rows = ledgerRows(village, month);
		String name = organisation.findVillage(village).map(Village::name).orElse(village);
		return new Table(name + " 代办事项服务登记表（" + month + "）",
				List.of("序号", "事项编号", "受理时间", "委托人", "承办人", "代办人及联系方式", "代办事项内容", "办理时限", "办结情况", "委托人签字确认"),
				rows.stream().map(r -> List.<Object>of(r.no(), r.matterNo(), r.acceptedAt(), r.resident(), r.handler(),
						r.agentAndContact(), r.matter(), r.timeLimit(), r.completion(), r.signOff())).toList());
	}

	// ---- negative list (负面清单)

	@GetMapping("/negative-list")
	List<NegativeListEntry> negativeList(@RequestParam int year, @RequestParam(required = false) String township,
			@RequestParam(required = false) String village) {
		return negativeEntries(year, township, village);
	}

	@GetMapping("/negative-list.xlsx")
	ResponseEntity<byte[]> negativeListXlsx(@RequestParam int year, @RequestParam(required = false) String township,
			@RequestParam(required = false) String village) {
		return xlsx(negativeTable(year, township, village), "negative-list-" + year);
	}

	@GetMapping(value = "/negative-list.html", produces = MediaType.TEXT_HTML_VALUE)
	String negativeListHtml(@RequestParam int year, @RequestParam(required = false) String township,
			@RequestParam(required = false) String village) {
		return TableRenderer.html(negativeTable(year, township, village));
	}

	private List<NegativeListEntry> negativeEntries(int year, String township, String village) {
		Caller caller = requireScoped();
		if (year < 2000 || year > 2100) {
			throw new InvalidInputException("year", "year 应为四位年份");
		}
		return negativeList.entries(year, township, village)
			.stream()
			.filter(e -> caller.isAdmin() || caller.villages().contains(e.villageCode())
					|| caller.maySeeTownship(e.townshipCode()))
			.toList();
	}

	private Table negativeTable(int year, String township, String village) {
		return new Table(year + " 年负面清单",
				List.of("序号", "事项编号", "原因", "严重程度", "责任单位/人", "村", "乡镇", "记录时间", "说明", "复核状态", "复核人", "复核时间", "复核理由"),
				number(negativeEntries(year, township, village).stream()
					.map(e -> List.<Object>of(nz(e.matterNo()), ReasonLabels.of(e.reason()), nz(e.severity()), e.subject(),
							e.villageCode(), e.townshipCode(), at(e.recordedAt()), nz(e.detail()), statusLabel(e.status()),
							nz(e.reviewedBy()), at(e.reviewedAt()), nz(e.reviewNote())))
					.toList()));
	}

	// ---- monthly inspection (月度检查)

	@GetMapping("/inspection")
	Map<String, Object> inspection(@RequestParam String township, @RequestParam String month) {
		InspectionReport report = inspectionReport(township, month);
		return Map.of("report", report, "proposals", inspections.proposals(report.id()));
	}

	@GetMapping("/inspection.xlsx")
	ResponseEntity<byte[]> inspectionXlsx(@RequestParam String township, @RequestParam String month) {
		return xlsx(inspectionTable(township, month), "inspection-" + township + "-" + month);
	}

	@GetMapping(value = "/inspection.html", produces = MediaType.TEXT_HTML_VALUE)
	String inspectionHtml(@RequestParam String township, @RequestParam String month) {
		return TableRenderer.html(inspectionTable(township, month));
	}

	private InspectionReport inspectionReport(String township, String month) {
		Caller caller = callers.current();
		if (!caller.maySeeTownship(township)) {
			throw new ForbiddenException("无权查看该镇的月度检查");
		}
		return inspections.find(township, month(month).toString())
			.orElseThrow(() -> new NotFoundException("该月尚无检查报告：" + township + " " + month));
	}

	private Table inspectionTable(String township, String month) {
		InspectionReport r = inspectionReport(township, month);
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("受理", r.acceptedCount(), "", "", "", ""));
		rows.add(List.of("按时办结", r.onTimeCount(), "", "", "", ""));
		rows.add(List.of("超时", r.lateCount(), "", "", "", ""));
		rows.add(List.of("未签字确认", r.unsignedCount(), "", "", "", ""));
		rows.add(List.of("退回重办", r.rejectedCount(), "", "", "", ""));
		rows.add(List.of("撤回", r.withdrawnCount(), "", "", "", ""));
		rows.add(List.of("投诉", r.complaintCount(), "", "", "", ""));
		for (NegativeListEntry e : inspections.proposals(r.id())) {
			rows.add(List.of("负面清单 #" + e.id(), nz(e.matterNo()), ReasonLabels.of(e.reason()), e.subject(),
					statusLabel(e.status()), nz(e.reviewedBy()) + " " + nz(e.reviewNote())));
		}
		return new Table(township + " " + r.periodMonth() + " 月度检查报告",
				List.of("项目", "数量/事项", "原因", "责任单位/人", "复核状态", "复核人及理由"), rows);
	}

	// ---- year-end assessment (年终考核)

	@GetMapping("/assessment")
	List<Assessment.Row> assessment(@RequestParam int year) {
		return assessmentRows(year);
	}

	@GetMapping("/assessment.xlsx")
	ResponseEntity<byte[]> assessmentXlsx(@RequestParam int year) {
		return xlsx(assessmentTable(year), "assessment-" + year);
	}

	@GetMapping(value = "/assessment.html", produces = MediaType.TEXT_HTML_VALUE)
	String assessmentHtml(@RequestParam int year) {
		return TableRenderer.html(assessmentTable(year));
	}

	private List<Assessment.Row> assessmentRows(int year) {
		Caller caller = requireScoped();
		if (year < 2000 || year > 2100) {
			throw new InvalidInputException("year", "year 应为四位年份");
		}
		List<String> ownVillages = List.copyOf(caller.villages());
		return assessment.of(year).stream().filter(row -> caller.isAdmin() || caller.maySeeTownship(row.townshipCode())
				|| ("VILLAGE".equals(row.level()) && ownVillages.contains(row.unit()))
				|| ("AGENT".equals(row.level()) && row.unit().equals(caller.userId()))).toList();
	}

	private Table assessmentTable(int year) {
		return new Table(year + " 年度考核",
				List.of("类别", "单位/人员", "名称", "受理件数", "按时办结率%", "办结率%", "满意率%", "负面清单（已确认）", "违规人次", "属实投诉", "基础分", "考核得分", "等次", "可评效能示范单位"),
				assessmentRows(year).stream()
					.map(r -> List.<Object>of(Assessment.levelLabel().apply(r), r.unit(), r.name(), r.accepted(),
							pct(r.onTimeRate()), pct(r.resolutionRate()), pct(r.satisfactionRate()),
							reasons(r.negativeByReason()), r.ruleBreaking(), r.verifiedComplaints(), r.baseScore(),
							r.score(), r.grade(), r.modelUnitEligible() ? "是" : "否"))
					.toList());
	}

	// ---- helpers

	private Caller requireScoped() {
		Caller caller = callers.current();
		if (!caller.isAdmin() && caller.villages().isEmpty() && caller.townships().isEmpty()
				&& caller.supervisedTownships().isEmpty()) {
			throw new ForbiddenException("无权查看报表");
		}
		return caller;
	}

	private static YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException | NullPointerException e) {
			throw new InvalidInputException("month", "月份格式应为 YYYY-MM");
		}
	}

	private ResponseEntity<byte[]> xlsx(Table table, String fileName) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName + ".xlsx", StandardCharsets.UTF_8).build().toString())
			.body(TableRenderer.xlsx(table));
	}

	private String at(OffsetDateTime time) {
		return time == null ? "" : MINUTES.format(time.atZoneSameInstant(zone));
	}

	private static List<List<Object>> number(List<List<Object>> rows) {
		List<List<Object>> out = new ArrayList<>();
		int n = 0;
		for (List<Object> row : rows) {
			List<Object> numbered = new ArrayList<>();
			numbered.add(++n);
			numbered.addAll(row);
			out.add(numbered);
		}
		return out;
	}

	private static String reasons(Map<String, Integer> byReason) {
		StringBuilder out = new StringBuilder();
		byReason.forEach((reason, count) -> out.append(out.isEmpty() ? "" : "，").append(ReasonLabels.of(reason)).append(" ").append(count));
		return out.isEmpty() ? "无" : out.toString();
	}

	private static Object pct(Double rate) {
		return rate == null ? "-" : rate;
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	private static String statusLabel(String status) {
		return switch (status) {
			case "PROPOSED" -> "待复核";
			case "CONFIRMED" -> "已确认";
			case "STRUCK" -> "已撤销";
			default -> status;
		};
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
		if ("WITHDRAWN".equals(m.status())) {
			return "委托人撤回：" + nz(m.withdrawalReason());
		}
		if (m.completedAt() == null) {
			return "办理中";
		}
		return at(m.completedAt()) + " 办结，" + (Boolean.TRUE.equals(m.onTime()) ? "按时" : "超时");
	}

	private String signOff(MatterRecord m) {
		if (m.signedOffAt() == null) {
			return "未签字";
		}
		return at(m.signedOffAt()) + " 已签字" + (m.rating() == null ? "" : "，评价 " + m.rating() + " 星");
	}

	/** One line of the registration form, with the source's columns. */
	record LedgerRow(int no, String matterNo, String acceptedAt, String resident, String handler, String agentAndContact,
			String matter, String timeLimit, String completion, String signOff) {
	}

}
