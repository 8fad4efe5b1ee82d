package com.daiban.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Service;

/**
 * The one place that turns a time limit into instants. Limits are ISO-8601 durations as the routing decision gives
 * them (P1D township, P7D city); a working calendar, when it comes, changes this class only.
 */
@Service
public class DeadlineCalendar {

	private final Clock clock;

	private final DeadlineProperties properties;

	DeadlineCalendar(Clock clock, DeadlineProperties properties) {
		this.clock = clock;
		this.properties = properties;
	}

	/** A promise made now; the reminder falls {@code reminderLead} before the due instant, never before now. */
	public Promise promise(String timeLimit, String reminderLead) {
		Instant now = clock.instant();
		Duration limit = parse("timeLimit", timeLimit);
		Duration lead = reminderLead == null || reminderLead.isBlank() ? limit.dividedBy(4) : parse("reminderLead", reminderLead);
		Instant dueAt = now.plus(limit);
		Instant remindAt = dueAt.minus(lead);
		return new Promise(now, dueAt, remindAt.isBefore(now) ? now : remindAt);
	}

	public Duration signOffReminderAfter() {
		return properties.signOffReminderAfter();
	}

	public Duration rectificationLimit() {
		return properties.rectificationLimit();
	}

	/**
	 * {@code ${deadlineCalendar.signOffReminder}}, the duration of proxy-matter's sign-off reminder timer (ISO 8601):
	 * read from the settings when the timer is created, so the process keeps no variable for it.
	 */
	public String getSignOffReminder() {
		return signOffReminderAfter().toString();
	}

	/** {@code ${deadlineCalendar.rectificationPeriod}}, the duration of proxy-matter's rectification timer (ISO 8601). */
	public String getRectificationPeriod() {
		return rectificationLimit().toString();
	}

	private static Duration parse(String name, String value) {
		try {
			Duration duration = Duration.parse(value);
			if (duration.isNegative()) {
				throw new IllegalArgumentException(name + " must not be negative: " + value);
			}
			return duration;
		}
		catch (DateTimeParseException | NullPointerException e) {
			throw new IllegalArgumentException(name + " is not an ISO-8601 duration such as P1D: " + value, e);
		}
	}

}
