package com.daiban.inspection;

import java.time.OffsetDateTime;

/** A township's figures for one month, as the supervision office checks them (月度检查). */
public record InspectionReport(long id, String townshipCode, String periodMonth, OffsetDateTime builtAt,
		int acceptedCount, int onTimeCount, int lateCount, int unsignedCount, int rejectedCount, int withdrawnCount,
		int complaintCount, String processInstanceId, String reviewedBy, OffsetDateTime reviewedAt) {
}
