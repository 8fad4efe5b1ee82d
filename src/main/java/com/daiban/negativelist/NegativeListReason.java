package com.daiban.negativelist;

/** Why an entry is on the negative list; stored by name, printed by label. */
public enum NegativeListReason {

	OVERDUE("超时办结"),

	RECTIFICATION_OVERDUE("逾期未整改"),

	COMPLAINT("实名投诉属实"),

	UNSIGNED("未经委托人签字确认"),

	REWORK("办理不当退回重办");

	private final String label;

	NegativeListReason(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The label of a stored name; a name no longer known is shown as it is. */
	public static String labelOf(String name) {
		for (NegativeListReason reason : values()) {
			if (reason.name().equals(name)) {
				return reason.label;
			}
		}
		return name;
	}

}
