package com.daiban.deadline.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.daiban.deadline.DeadlineProperties;
import com.daiban.deadline.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The working calendar held in memory: a deadline wave of thousands of timers and every acceptance count on the
 * snapshot, never on the database. It is read again when this node changes it, and when the audit trail shows a
 * change made elsewhere (another node), checked once a minute.
 */
@Service
class HeldWorkingCalendar implements WorkingCalendar {

	private static final Logger log = LoggerFactory.getLogger(HeldWorkingCalendar.class);

	private final CalendarStore store;

	private final ZoneId zone;

	private final ServiceHours defaultHours;

	private volatile CalendarSnapshot snapshot;

	private volatile long version = -1;

	HeldWorkingCalendar(CalendarStore store, DeadlineProperties properties,
			@Value("${daiban.time-zone:Asia/Shanghai}") String zone) {
		this.store = store;
		this.zone = ZoneId.of(zone);
		this.defaultHours = ServiceHours.parse(properties.serviceHours(), properties.lunchBreak());
	}

	CalendarSnapshot snapshot() {
		CalendarSnapshot current = snapshot;
		return current != null ? current : refresh();
	}

	/** Reads the tables again; the version is read first, so a change committed meanwhile is read next time too. */
	synchronized CalendarSnapshot refresh() {
		long seen = store.version();
		CalendarSnapshot fresh = new CalendarSnapshot(zone, store.days(), store.hours(), defaultHours);
		snapshot = fresh;
		version = seen;
		log.debug("working calendar loaded at version {}: national years {}", seen, fresh.nationalYears());
		return fresh;
	}

	@Scheduled(fixedDelayString = "${daiban.deadline.calendar-check:PT1M}", initialDelayString = "${daiban.deadline.calendar-check:PT1M}")
	void refreshIfChanged() {
		if (snapshot != null && store.version() != version) {
			refresh();
		}
	}

	@Override
	public Instant plusWorkingDays(String townshipCode, Instant from, int days) {
		return snapshot().plusWorkingDays(townshipCode, from, days);
	}

	@Override
	public Instant plusWorkingTime(String townshipCode, Instant from, Duration workingTime) {
		return snapshot().plusWorkingTime(townshipCode, from, workingTime);
	}

	@Override
	public Duration workingTimeBetween(String townshipCode, Instant from, Instant to) {
		return snapshot().workingTimeBetween(townshipCode, from, to);
	}

	@Override
	public Instant nextOpening(String townshipCode, Instant from) {
		return snapshot().nextOpening(townshipCode, from);
	}

	@Override
	public boolean isWorkingDay(String townshipCode, LocalDate date) {
		return snapshot().isWorkingDay(townshipCode, date);
	}

}
