package com.daiban.handling.internal;

import java.time.Duration;

/** Working time as people read it on a timeline: 3小时20分. */
final class PausedTimes {

	private PausedTimes() {
	}

	static String format(Duration duration) {
		long minutes = duration.toMinutes();
		return minutes >= 60 ? (minutes / 60) + "小时" + (minutes % 60 == 0 ? "" : (minutes % 60) + "分") : minutes + "分钟";
	}

}
