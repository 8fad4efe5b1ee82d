package com.daiban.inspection.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;

import com.daiban.inspection.Inspections;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Township;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The month to inspect (last month, unless a manual start names one) and the townships to inspect it in. */
@Component
class DetermineInspectionMonthDelegate implements JavaDelegate {

	private final Inspections inspections;

	private final Organisation organisation;

	DetermineInspectionMonthDelegate(Inspections inspections, Organisation organisation) {
		this.inspections = inspections;
		this.organisation = organisation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String given = (String) execution.getVariable("inspectionMonth");
		YearMonth month;
		try {
			month = given == null || given.isBlank() ? inspections.lastMonth() : YearMonth.parse(given.trim());
		}
		catch (DateTimeParseException e) {
			throw new com.daiban.web.InvalidInputException("inspectionMonth", "检查月份格式应为 YYYY-MM");
		}
		execution.setVariable("inspectionMonth", month.toString());
		execution.setVariable("townshipCodes", new ArrayList<>(organisation.townships().stream().map(Township::code).toList()));
	}

}
