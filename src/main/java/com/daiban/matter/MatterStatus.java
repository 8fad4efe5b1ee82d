package com.daiban.matter;

/** Where a matter stands in the registration ledger; stored by name, printed by label. */
public enum MatterStatus {

	ACCEPTED("已受理"),

	HANDLING("办理中"),

	/** 中止: the clock stands while the unit waits for the resident or a third party. */
	PAUSED("已中止，暂停计时"),

	RETURNED("退回补充材料"),

	REPLIED("已答复，待签字确认"),

	CLOSED("已办结归档"),

	WITHDRAWN("委托人已撤回"),

	/** 终止 by the township center or supervision office. */
	TERMINATED("已终止");

	private final String label;

	MatterStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Closed, withdrawn or terminated: nothing more happens to the matter. */
	public boolean isFinished() {
		return this == CLOSED || this == WITHDRAWN || this == TERMINATED;
	}

}
