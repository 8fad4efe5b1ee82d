package com.daiban.deadline.internal;

import java.time.LocalDate;

/**
 * A date that differs from the plain rule (Monday–Friday working): {@code scope} {@value #NATIONAL} for the State
 * Council's arrangement, else the township whose own closure or opening it is.
 */
record CalendarDay(String scope, LocalDate date, Kind kind, String name) {

	static final String NATIONAL = "CN";

	enum Kind {
		/** a public holiday or bridge day off, or a township's closure */
		OFF,
		/** a Saturday or Sunday worked (调休), or a township's extra opening */
		WORK
	}

	boolean national() {
		return NATIONAL.equals(scope);
	}

}
