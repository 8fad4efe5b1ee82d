package com.daiban.negativelist;

/**
 * Where an entry stands in the supervision office's review: PROPOSED until the monthly inspection decides it, then
 * CONFIRMED (it counts in the year-end assessment) or STRUCK (it never counts). Stored by name, printed by label.
 */
public enum NegativeListStatus {

	PROPOSED("待复核"),

	CONFIRMED("已确认"),

	STRUCK("已撤销");

	private final String label;

	NegativeListStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
