package com.daiban.report.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.inspection.InspectionReport;
import com.daiban.inspection.Inspections;
import com.daiban.negativelist.NegativeList;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Village;
import com.daiban.report.Assessment;
import com.daiban.web.InvalidInputException;
import com.daiban.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision reports: the registration ledger, the negative list, the monthly inspection and the year-end
 * assessment, each as JSON, as {@code .xlsx} to archive and as {@code .html} to print ({@link ReportFormats}). Who may
 * read what is decided here ({@link ReportAccess}), before a report is built.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

	private final CallerScope callers;

	private final Organisation organisation;

	private final NegativeList negativeList;

	private final Inspections inspections;

	private final Assessment assessment;

	private final LedgerReport ledgerReport;

	private final NegativeListReport negativeListReport;

	private final InspectionTable inspectionTable;

	private final AssessmentTable assessmentTable;

	ReportController(CallerScope callers, Organisation organisation, NegativeList negativeList, Inspections inspections,
			Assessment assessment, LedgerReport ledgerReport, NegativeListReport negativeListReport,
			InspectionTable inspectionTable, AssessmentTable assessmentTable) {
		this.callers = callers;
		this.organisation = organisation;
		this.negativeList = negativeList;
		this.inspections = inspections;
		this.assessment = assessment;
		this.ledgerReport = ledgerReport;
		this.negativeListReport = negativeListReport;
		this.inspectionTable = inspectionTable;
		this.assessmentTable = assessmentTable;
	}

	@GetMapping({ "/ledger", "/ledger.{format}" })
	ResponseEntity<?> ledger(@PathVariable(required = false) String format, @RequestParam String village,
			@RequestParam String month) {
		Village found = organisation.findVillage(village)
			.orElseThrow(() -> new InvalidInputException("village", "未知的村代码"));
		ReportAccess.requireVillage(callers.current(), found);
		return ReportFormats.respond(format, ledgerReport.of(found, month(month)));
	}

	@GetMapping({ "/negative-list", "/negative-list.{format}" })
	ResponseEntity<?> negativeList(@PathVariable(required = false) String format, @RequestParam int year,
			@RequestParam(required = false) String township, @RequestParam(required = false) String village) {
		Caller caller = callers.current();
		ReportAccess.requireScoped(caller);
		return ReportFormats.respond(format,
				negativeListReport.of(year(year), negativeList.visibleTo(caller, year, township, village)));
	}

	@GetMapping({ "/inspection", "/inspection.{format}" })
	ResponseEntity<?> inspection(@PathVariable(required = false) String format, @RequestParam String township,
			@RequestParam String month) {
		ReportAccess.requireTownship(callers.current(), township);
		InspectionReport report = inspections.find(township, month(month).toString())
			.orElseThrow(() -> new NotFoundException("该月尚无检查报告：" + township + " " + month));
		return ReportFormats.respond(format, inspectionTable.of(report, inspections.proposals(report.id())));
	}

	@GetMapping({ "/assessment", "/assessment.{format}" })
	ResponseEntity<?> assessment(@PathVariable(required = false) String format, @RequestParam int year) {
		Caller caller = callers.current();
		ReportAccess.requireScoped(caller);
		return ReportFormats.respond(format, assessmentTable.of(year,
				assessment.of(year(year)).stream().filter(row -> ReportAccess.maySee(caller, row)).toList()));
	}

	private static int year(int year) {
		if (year < 2000 || year > 2100) {
			throw new InvalidInputException("year", "year 应为四位年份");
		}
		return year;
	}

	private static YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException | NullPointerException e) {
			throw new InvalidInputException("month", "月份格式应为 YYYY-MM");
		}
	}

}
