package com.daiban.report.internal;

import com.daiban.identity.Caller;
import com.daiban.organisation.Village;
import com.daiban.report.Assessment;
import com.daiban.web.ForbiddenException;

/**
 * Who may read which report: village agents their village, township clerks and supervisors their township,
 * administrators everything; anyone else is refused. Negative-list entries follow the negative list's own rule.
 */
final class ReportAccess {

	private ReportAccess() {
	}

	static void requireScoped(Caller caller) {
		if (!caller.isAdmin() && caller.villages().isEmpty() && caller.townships().isEmpty()
				&& caller.supervisedTownships().isEmpty()) {
			throw new ForbiddenException("无权查看报表");
		}
	}

	static void requireVillage(Caller caller, Village village) {
		if (!caller.isAdmin() && !caller.villages().contains(village.code())
				&& !caller.maySeeTownship(village.townshipCode())) {
			throw new ForbiddenException("无权查看该村的登记表");
		}
	}

	static void requireTownship(Caller caller, String townshipCode) {
		if (!caller.maySeeTownship(townshipCode)) {
			throw new ForbiddenException("无权查看该镇的月度检查");
		}
	}

	static boolean maySee(Caller caller, Assessment.Row row) {
		return caller.isAdmin() || caller.maySeeTownship(row.townshipCode())
				|| ("VILLAGE".equals(row.level()) && caller.villages().contains(row.unit()))
				|| ("AGENT".equals(row.level()) && row.unit().equals(caller.userId()));
	}

}
