package com.daiban.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Working time as a township's center counts it: working days (the national arrangement of holidays and 调休, the
 * township's own closures) and its service hours. Every limit of the product is counted here; the calendar is held in
 * memory, so these calls never touch the database.
 * <p>
 * {@code townshipCode} picks the township's closures and service hours; a code without any (or {@code null}) gets the
 * national days and the default hours.
 */
public interface WorkingCalendar {

	/**
	 * The same time of day on the {@code days}-th working day after {@code from}; from outside service hours counting
	 * starts at the next opening (Fri 18:30 + 1 → Tue 08:30). {@code days == 0} gives {@link #nextOpening}.
	 */
	Instant plusWorkingDays(String townshipCode, Instant from, int days);

	/** The instant when {@code workingTime} of service hours has passed since {@code from} (or its next opening). */
	Instant plusWorkingTime(String townshipCode, Instant from, Duration workingTime);

	/** Service hours between the two instants; zero when {@code to} is not after {@code from}. */
	Duration workingTimeBetween(String townshipCode, Instant from, Instant to);

	/** {@code from} itself when the center is open then, else the next opening. */
	Instant nextOpening(String townshipCode, Instant from);

	boolean isWorkingDay(String townshipCode, LocalDate date);

}
