package com.daiban.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The year-end scoring rules of the source (量化考核), as inputs: grade bounds on the 10-point scale, the list
 * adjustments, the deductions, and which units are on the green, yellow and red lists this year (unit = village code,
 * township code, or agent user id).
 */
@ConfigurationProperties("daiban.assessment")
public record AssessmentProperties(@DefaultValue("9") double goodFrom, @DefaultValue("7") double fairlyGoodFrom,
		@DefaultValue("5") double averageFrom, @DefaultValue("2") double greenListBonus,
		@DefaultValue("2") double yellowListPenalty, @DefaultValue("0.3") double ruleBreakingPenalty,
		@DefaultValue("1") double complaintPenalty, @DefaultValue("2") double seriousComplaintPenalty,
		@DefaultValue("2") int yellowListsDisqualifying, @DefaultValue("10") double baseWithoutRatings,
		@DefaultValue List<String> greenList, @DefaultValue List<String> yellowList,
		@DefaultValue List<String> redList) {
}
