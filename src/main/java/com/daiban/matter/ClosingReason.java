package com.daiban.matter;

/** Why a matter ended: a fixed list, each counted on its own by the reports. */
public enum ClosingReason {

	DONE("已办结"),

	TRANSFERRED("非本单位职责，已转办"),

	CANNOT_BE_DONE("无法办理（已说明理由）"),

	DUPLICATE("重复事项"),

	WITHDRAWN("委托人撤回"),

	TERMINATED("终止办理");

	private final String label;

	ClosingReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The reason a signed-off matter closes with, from the handling unit's outcome. */
	static ClosingReason ofOutcome(String outcome) {
		if (outcome == null) {
			return DONE;
		}
		return switch (outcome) {
			case "NOT_RESPONSIBLE" -> TRANSFERRED;
			case "CANNOT_BE_DONE" -> CANNOT_BE_DONE;
			default -> DONE;
		};
	}

}
