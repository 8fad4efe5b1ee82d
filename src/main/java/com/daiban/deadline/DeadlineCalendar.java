package com.daiban.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Service;

/**
 * The one place that turns a time limit into instants, in working time on the township's {@link WorkingCalendar}.
 * <p>
 * Every instant is computed once, when the promise is made or the timer is created, and stored on the task and the
 * job as a date ({@code ${dueAt}}, {@code ${deadlineCalendar.signOffReminderAt(townshipCode)}}): Tasklist's due date,
 * the timer, the ledger's "on time" and the reports all read that one instant, a running instance keeps what it was
 * promised when the calendar changes later, and a wave of due timers fires without consulting any calendar. (Camunda's
 * business-calendar hook would recompute from the expression, without the township, and is engine-internal API.)
 */
@Service
public class DeadlineCalendar {

	private final Clock clock;

	private final DeadlineProperties properties;

	private final WorkingCalendar calendar;

	DeadlineCalendar(Clock clock, DeadlineProperties properties, WorkingCalendar calendar) {
		this.clock = clock;
		this.properties = properties;
		this.calendar = calendar;
	}

	/**
	 * A promise made now: due when {@code timeLimit} ({@link WorkingTimeLimit}) of the township's working time has
	 * passed; the reminder falls after {@code reminderShare} of that working time (the settings' share when
	 * {@code null}), so inside service hours.
	 */
	public Promise promise(String townshipCode, String timeLimit, Double reminderShare) {
		Instant now = clock.instant();
		Instant dueAt = WorkingTimeLimit.parse("timeLimit", timeLimit).after(calendar, townshipCode, now);
		double share = reminderShare == null ? properties.reminderShare() : reminderShare;
		if (!(share > 0 && share < 1)) {
			throw new IllegalArgumentException("reminderShare must lie between 0 and 1: " + reminderShare);
		}
		Duration working = calendar.workingTimeBetween(townshipCode, now, dueAt);
		Instant remindAt = calendar.plusWorkingTime(townshipCode, now, Duration.ofMillis((long) (working.toMillis() * share)));
		return new Promise(now, dueAt, remindAt.isAfter(dueAt) ? dueAt : remindAt);
	}

	/** When the agent is reminded of a replied matter still not signed off: the settings' working time from now. */
	public Date signOffReminderAt(String townshipCode) {
		return Date.from(after(properties.signOffReminderAfter(), townshipCode));
	}

	/** When a supervision task's (督办) rectification period, counted from now, runs out. */
	public Date rectificationDueAt(String townshipCode) {
		return Date.from(after(properties.rectificationLimit(), townshipCode));
	}

	public WorkingTimeLimit signOffReminderAfter() {
		return WorkingTimeLimit.parse("signOffReminderAfter", properties.signOffReminderAfter());
	}

	public WorkingTimeLimit rectificationLimit() {
		return WorkingTimeLimit.parse("rectificationLimit", properties.rectificationLimit());
	}

	/**
	 * {@code ${deadlineCalendar.signOffReminder}}: the clock-time duration that instances of proxy-matter before 1.2.0
	 * still read for their sign-off timer; new versions use {@link #signOffReminderAt}.
	 */
	public String getSignOffReminder() {
		return clockTime(signOffReminderAfter());
	}

	/** {@code ${deadlineCalendar.rectificationPeriod}}, likewise for instances before proxy-matter 1.2.0. */
	public String getRectificationPeriod() {
		return clockTime(rectificationLimit());
	}

	private Instant after(String limit, String townshipCode) {
		return WorkingTimeLimit.parse("limit", limit).after(calendar, townshipCode, clock.instant());
	}

	private static String clockTime(WorkingTimeLimit limit) {
		return Duration.ofDays(limit.days()).plus(limit.time()).toString();
	}

}
