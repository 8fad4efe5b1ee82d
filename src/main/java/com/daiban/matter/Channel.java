package com.daiban.matter;

/** How the matter reached the agent: at the village office (定点代办), at home (上门代办), or booked by phone. */
public enum Channel {

	OFFICE("定点"),

	HOME("上门"),

	PHONE("电话预约");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	/** As the registration ledger writes it: 定点 / 上门 / 电话预约 (受理). */
	public String label() {
		return label;
	}

}
