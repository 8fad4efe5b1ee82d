package com.daiban.deadline.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

import com.daiban.identity.Groups;
import com.daiban.notification.StaffNotices;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the national holidays are known far enough ahead. The State Council announces next year's dates in
 * November; from December a limit can run past 31 December, and without next year's dates its holidays would count
 * as working days. Then the health endpoint's {@code workingCalendar} shows {@value #WARNING} and the administrators
 * get a notice once a day until the dates are entered. (The overall status stays UP: the application still works.)
 */
@Component("workingCalendar")
class CalendarCoverage implements HealthIndicator {

	static final String WARNING = "WARNING";

	private final HeldWorkingCalendar calendar;

	private final Clock clock;

	private final StaffNotices notices;

	CalendarCoverage(HeldWorkingCalendar calendar, Clock clock, StaffNotices notices) {
		this.calendar = calendar;
		this.clock = clock;
		this.notices = notices;
	}

	/** The year whose holidays are missing though they are needed now, or {@code null}. */
	Integer missingYear() {
		LocalDate today = LocalDate.now(clock.withZone(calendar.snapshot().zone()));
		Set<Integer> known = calendar.snapshot().nationalYears();
		if (!known.contains(today.getYear())) {
			return today.getYear();
		}
		if (today.getMonth() == Month.DECEMBER && !known.contains(today.getYear() + 1)) {
			return today.getYear() + 1;
		}
		return null;
	}

	@Override
	public Health health() {
		Integer missing = missingYear();
		Health.Builder health = missing == null ? Health.up() : Health.status(new Status(WARNING, message(missing)));
		return health.withDetail("nationalYears", calendar.snapshot().nationalYears()).build();
	}

	@Scheduled(fixedDelayString = "${daiban.deadline.coverage-check:PT1H}", initialDelayString = "PT1M")
	void tellAdministrators() {
		Integer missing = missingYear();
		if (missing != null) {
			LocalDate today = LocalDate.now(clock.withZone(calendar.snapshot().zone()));
			notices.notifyGroup("calendar:missing:" + missing + ":" + today, "CALENDAR", Groups.ADMIN,
					"工作日历缺少 " + missing + " 年节假日安排", message(missing));
		}
	}

	private static String message(int year) {
		return "工作日历中还没有 " + year + " 年的法定节假日和调休安排：跨入该年的时限会把节假日算作工作日。"
				+ "请按国务院办公厅通知录入（POST /api/calendar/days/upload，列：日期、OFF/WORK、名称）。";
	}

}
