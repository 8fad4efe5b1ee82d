package com.daiban.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit as the routing and complaint decisions write it: ISO-8601, read as working time. The days are working
 * days ({@code P1D} = one working day, {@code P5D} = five), the time part is service hours ({@code PT8H} = eight hours
 * the center is open); {@code P1DT4H} is a working day and then four service hours.
 * <p>
 * The decisions keep ISO-8601 rather than a number column so that analysts can still give hours (a complaint verified
 * "the same day"), old instances' {@code timeLimit} variables stay readable, and the ledger's time-limit column keeps
 * its meaning.
 */
public record WorkingTimeLimit(int days, Duration time) {

	private static final Pattern FORM = Pattern.compile("P(?:(\\d{1,3})D)?(?:T(?:(\\d{1,4})H)?(?:(\\d{1,5})M)?(?:(\\d{1,6})S)?)?");

	public WorkingTimeLimit {
		if (days < 0 || time.isNegative()) {
			throw new IllegalArgumentException("a time limit is not negative");
		}
	}

	public static WorkingTimeLimit ofDays(int days) {
		return new WorkingTimeLimit(days, Duration.ZERO);
	}

	/** Parses {@code P1D}, {@code PT8H}, {@code PT30M}, {@code PT20S}, {@code P1DT4H}; {@code P1W} is five working days. */
	public static WorkingTimeLimit parse(String name, String value) {
		if (value != null) {
			String text = value.trim().toUpperCase(java.util.Locale.ROOT);
			if (text.matches("P\\d{1,2}W")) {
				return ofDays(5 * Integer.parseInt(text.substring(1, text.length() - 1)));
			}
			Matcher m = FORM.matcher(text);
			if (m.matches() && !text.equals("P") && !text.endsWith("T")) {
				int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
				Duration time = Duration.ofHours(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
					.plusMinutes(m.group(3) == null ? 0 : Long.parseLong(m.group(3)))
					.plusSeconds(m.group(4) == null ? 0 : Long.parseLong(m.group(4)));
				return new WorkingTimeLimit(days, time);
			}
		}
		throw new IllegalArgumentException(name + " is not a working-time limit such as P1D, P5D or PT8H: " + value);
	}

	/** When this limit, counted from {@code from}, runs out on the township's calendar. */
	public Instant after(WorkingCalendar calendar, String townshipCode, Instant from) {
		Instant afterDays = calendar.plusWorkingDays(townshipCode, from, days);
		return time.isZero() ? afterDays : calendar.plusWorkingTime(townshipCode, afterDays, time);
	}

	@Override
	public String toString() {
		if (time.isZero()) {
			return "P" + days + "D";
		}
		return (days == 0 ? "P" : "P" + days + "D") + time.toString().substring(1);
	}

}
