package com.daiban.report.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How values read in a report's cells: times to the minute in the township's zone, nothing as an empty cell. */
final class Cells {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Cells() {
	}

	static String at(OffsetDateTime time, ZoneId zone) {
		return time == null ? "" : MINUTES.format(time.atZoneSameInstant(zone));
	}

	static String text(String value) {
		return value == null ? "" : value;
	}

	static Object percent(Double rate) {
		return rate == null ? "-" : rate;
	}

}
