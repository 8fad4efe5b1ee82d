package com.daiban.deadline.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.daiban.deadline.WorkingCalendar;

/**
 * The calendar's facts at one moment, immutable: read by every deadline computation without locks, replaced as a
 * whole when an administrator changes something.
 */
final class CalendarSnapshot implements WorkingCalendar {

	/** A calendar with no working day for this long is broken data, not a long holiday. */
	private static final int MAX_DAYS_CLOSED = 366;

	private final ZoneId zone;

	private final Map<LocalDate, CalendarDay.Kind> national = new HashMap<>();

	private final Map<String, Map<LocalDate, CalendarDay.Kind>> townships = new HashMap<>();

	private final Map<String, ServiceHours> hours;

	private final ServiceHours defaultHours;

	private final Set<Integer> nationalYears = new TreeSet<>();

	CalendarSnapshot(ZoneId zone, Collection<CalendarDay> days, Map<String, ServiceHours> hours, ServiceHours defaultHours) {
		this.zone = zone;
		for (CalendarDay day : days) {
			if (day.national()) {
				national.put(day.date(), day.kind());
				nationalYears.add(day.date().getYear());
			}
			else {
				townships.computeIfAbsent(day.scope(), scope -> new HashMap<>()).put(day.date(), day.kind());
			}
		}
		this.hours = Map.copyOf(hours);
		this.defaultHours = defaultHours;
	}

	ZoneId zone() {
		return zone;
	}

	/** Years for which the national arrangement is known (at least one date entered). */
	Set<Integer> nationalYears() {
		return java.util.Collections.unmodifiableSet(nationalYears);
	}

	ServiceHours hoursOf(String townshipCode) {
		return townshipCode == null ? defaultHours : hours.getOrDefault(townshipCode, defaultHours);
	}

	@Override
	public boolean isWorkingDay(String townshipCode, LocalDate date) {
		Map<LocalDate, CalendarDay.Kind> own = townshipCode == null ? null : townships.get(townshipCode);
		CalendarDay.Kind kind = own == null ? null : own.get(date);
		if (kind == null) {
			kind = national.get(date);
		}
		if (kind != null) {
			return kind == CalendarDay.Kind.WORK;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	@Override
	public Instant nextOpening(String townshipCode, Instant from) {
		ZonedDateTime at = from.atZone(zone);
		LocalDate date = at.toLocalDate();
		LocalTime time = at.toLocalTime();
		ServiceHours open = hoursOf(townshipCode);
		if (isWorkingDay(townshipCode, date)) {
			for (LocalTime[] period : open.periods()) {
				if (time.isBefore(period[0])) {
					return at(date, period[0]);
				}
				if (time.isBefore(period[1])) {
					return from;
				}
			}
		}
		return at(nextWorkingDay(townshipCode, date), open.opensAt());
	}

	@Override
	public Instant plusWorkingDays(String townshipCode, Instant from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		ZonedDateTime start = nextOpening(townshipCode, from).atZone(zone);
		LocalDate date = start.toLocalDate();
		for (int i = 0; i < days; i++) {
			date = nextWorkingDay(townshipCode, date);
		}
		// every working day has the township's same hours, so the same time of day is inside them again
		return ZonedDateTime.of(date, start.toLocalTime(), zone).toInstant();
	}

	@Override
	public Instant plusWorkingTime(String townshipCode, Instant from, Duration workingTime) {
		if (workingTime.isNegative()) {
			throw new IllegalArgumentException("working time must not be negative: " + workingTime);
		}
		Instant cursor = nextOpening(townshipCode, from);
		Duration left = workingTime;
		for (int guard = 0; guard < 4 * MAX_DAYS_CLOSED * 10; guard++) {
			Instant periodEnd = periodEnd(townshipCode, cursor);
			Duration available = Duration.between(cursor, periodEnd);
			if (left.compareTo(available) <= 0) {
				return cursor.plus(left);
			}
			left = left.minus(available);
			cursor = nextOpening(townshipCode, periodEnd);
		}
		throw new IllegalStateException("working time too long to count: " + workingTime);
	}

	@Override
	public Duration workingTimeBetween(String townshipCode, Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		ServiceHours open = hoursOf(townshipCode);
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(zone).toLocalDate();
		for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			if (!isWorkingDay(townshipCode, date)) {
				continue;
			}
			for (LocalTime[] period : open.periods()) {
				Instant start = max(from, at(date, period[0]));
				Instant end = min(to, at(date, period[1]));
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/** The end of the open period that {@code inside} (an instant when the center is open) lies in. */
	private Instant periodEnd(String townshipCode, Instant inside) {
		ZonedDateTime at = inside.atZone(zone);
		for (LocalTime[] period : hoursOf(townshipCode).periods()) {
			if (at.toLocalTime().isBefore(period[1])) {
				return at(at.toLocalDate(), period[1]);
			}
		}
		throw new IllegalStateException(inside + " is not inside service hours");
	}

	private LocalDate nextWorkingDay(String townshipCode, LocalDate after) {
		LocalDate date = after.plusDays(1);
		for (int i = 0; i < MAX_DAYS_CLOSED; i++, date = date.plusDays(1)) {
			if (isWorkingDay(townshipCode, date)) {
				return date;
			}
		}
		throw new IllegalStateException("no working day within a year after " + after + " for " + townshipCode);
	}

	private Instant at(LocalDate date, LocalTime time) {
		return ZonedDateTime.of(date, time, zone).toInstant();
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
