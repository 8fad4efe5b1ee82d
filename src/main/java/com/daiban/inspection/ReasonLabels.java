package com.daiban.inspection;

/** Chinese names of negative-list reasons, as printed on reports. */
public final class ReasonLabels {

	private ReasonLabels() {
	}

	public static String of(String reason) {
		if (reason == null) {
			return "";
		}
		return switch (reason) {
			case "OVERDUE" -> "超时办结";
			case "RECTIFICATION_OVERDUE" -> "逾期未整改";
			case "COMPLAINT" -> "实名投诉属实";
			case "UNSIGNED" -> "未经委托人签字确认";
			case "REWORK" -> "办理不当退回重办";
			default -> reason;
		};
	}

}
