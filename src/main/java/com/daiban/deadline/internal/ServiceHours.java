package com.daiban.deadline.internal;

import java.time.LocalTime;
import java.util.List;

/** When a center is open on a working day; the lunch break is optional (both ends or neither). */
record ServiceHours(LocalTime opensAt, LocalTime closesAt, LocalTime lunchFrom, LocalTime lunchUntil) {

	static final ServiceHours DEFAULT = new ServiceHours(LocalTime.of(8, 30), LocalTime.of(17, 30), null, null);

	ServiceHours {
		if (opensAt == null || closesAt == null || !opensAt.isBefore(closesAt)) {
			throw new IllegalArgumentException("开始时间应早于结束时间");
		}
		if ((lunchFrom == null) != (lunchUntil == null)) {
			throw new IllegalArgumentException("午休须同时给出开始和结束时间");
		}
		if (lunchFrom != null && !(opensAt.isBefore(lunchFrom) && lunchFrom.isBefore(lunchUntil)
				&& lunchUntil.isBefore(closesAt))) {
			throw new IllegalArgumentException("午休应在办公时间之内");
		}
	}

	/** From settings: {@code hours} like {@code 08:30-17:30}, {@code lunch} like {@code 12:00-13:30} or empty. */
	static ServiceHours parse(String hours, String lunch) {
		LocalTime[] open = range("daiban.deadline.service-hours", hours);
		LocalTime[] pause = lunch == null || lunch.isBlank() ? new LocalTime[2] : range("daiban.deadline.lunch-break", lunch);
		return new ServiceHours(open[0], open[1], pause[0], pause[1]);
	}

	private static LocalTime[] range(String name, String text) {
		String[] ends = text.trim().split("\\s*-\\s*");
		try {
			return new LocalTime[] { LocalTime.parse(ends[0]), LocalTime.parse(ends[1]) };
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException(name + " is not a range such as 08:30-17:30: " + text, e);
		}
	}

	/** The open periods of a working day, in order: [start, end). */
	List<LocalTime[]> periods() {
		return lunchFrom == null ? List.<LocalTime[]>of(new LocalTime[] { opensAt, closesAt })
				: List.of(new LocalTime[] { opensAt, lunchFrom }, new LocalTime[] { lunchUntil, closesAt });
	}

	@Override
	public String toString() {
		return opensAt + "-" + closesAt + (lunchFrom == null ? "" : " (午休 " + lunchFrom + "-" + lunchUntil + ")");
	}

}
