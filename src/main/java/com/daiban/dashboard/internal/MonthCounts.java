package com.daiban.dashboard.internal;

import com.daiban.matter.Rates;

/**
 * A village's (or a sum of villages') matters accepted in a month, counted by the rules of {@link Rates} in the
 * database ({@link DashboardQueries#LATE}, {@link DashboardQueries#RESOLVED}); the rates themselves are Rates'.
 */
record MonthCounts(int accepted, int withdrawn, int onTime, int late, int resolved, int rated, int satisfied) {

	static final MonthCounts NONE = new MonthCounts(0, 0, 0, 0, 0, 0, 0);

	MonthCounts plus(MonthCounts o) {
		return new MonthCounts(accepted + o.accepted, withdrawn + o.withdrawn, onTime + o.onTime, late + o.late,
				resolved + o.resolved, rated + o.rated, satisfied + o.satisfied);
	}

	/** The three rates of these counts (the mean rating is not counted here). */
	Rates rates() {
		return new Rates(accepted, withdrawn, onTime, late, resolved, rated, satisfied, 0);
	}

}
