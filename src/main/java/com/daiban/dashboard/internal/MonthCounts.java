package com.daiban.dashboard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A village's (or a sum of villages') matters accepted in a month, counted for the three rates (三率): on time of those
 * completed, closed of those not withdrawn, satisfied of those rated at sign-off. The same counts as the year-end
 * assessment rates its units by.
 */
record MonthCounts(int accepted, int withdrawn, int completed, int onTime, int closed, int rated, int satisfied) {

	static final MonthCounts NONE = new MonthCounts(0, 0, 0, 0, 0, 0, 0);

	MonthCounts plus(MonthCounts o) {
		return new MonthCounts(accepted + o.accepted, withdrawn + o.withdrawn, completed + o.completed,
				onTime + o.onTime, closed + o.closed, rated + o.rated, satisfied + o.satisfied);
	}

	Double onTimeRate() {
		return rate(onTime, completed);
	}

	Double resolutionRate() {
		return rate(closed, accepted - withdrawn);
	}

	Double satisfactionRate() {
		return rate(satisfied, rated);
	}

	/** Percent with two decimals; none without a denominator (a village without matters is not rated). */
	private static Double rate(int part, int whole) {
		return whole <= 0 ? null : BigDecimal.valueOf(100.0 * part / whole).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
