package com.daiban.matter;

/** What the handling unit answered (the handling form's choices); stored by name, printed by label. */
public enum MatterOutcome {

	DONE("已办结"),

	MATERIALS_MISSING("材料不全，退回代办员补充"),

	NOT_RESPONSIBLE("非本单位职责"),

	CANNOT_BE_DONE("无法办理");

	private final String label;

	MatterOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
