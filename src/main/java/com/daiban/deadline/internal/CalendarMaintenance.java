package com.daiban.deadline.internal;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.daiban.organisation.Organisation;
import com.daiban.web.InvalidInputException;
import com.daiban.input.PlainText;
import org.springframework.stereotype.Service;

/**
 * Administrators' changes to the calendar: checked, written with their audit rows, and the held calendar read again
 * at once. Promises already made keep their instants; only what is counted from now on sees the change.
 */
@Service
class CalendarMaintenance {

	private final CalendarStore store;

	private final HeldWorkingCalendar calendar;

	private final Organisation organisation;

	CalendarMaintenance(CalendarStore store, HeldWorkingCalendar calendar, Organisation organisation) {
		this.store = store;
		this.calendar = calendar;
		this.organisation = organisation;
	}

	List<CalendarDay> days(int year, String township) {
		return store.days()
			.stream()
			.filter(day -> day.date().getYear() == year)
			.filter(day -> township == null ? day.national() : day.scope().equals(township))
			.toList();
	}

	/** Adds or replaces one date; {@code false} when it was already so. */
	boolean put(String township, LocalDate date, String kind, String name, String by) {
		CalendarDay day = check(township, date, kind, name, "");
		boolean changed = store.put(day, by);
		calendar.refresh();
		return changed;
	}

	boolean remove(String township, LocalDate date, String by) {
		boolean removed = store.remove(scopeOf(township), date, by);
		calendar.refresh();
		return removed;
	}

	/** Every row of the file or none: how many rows it had and how many dates were new or changed. */
	Map<String, Integer> upload(String township, String fileName, InputStream content, String by) {
		List<CalendarDay> days = new ArrayList<>();
		for (CalendarFile.Row3 row : CalendarFile.read(fileName, content)) {
			days.add(check(township, row.date(), row.kind().name(), row.name(), "第 " + row.line() + " 行："));
		}
		if (days.isEmpty()) {
			throw new InvalidInputException("file", "文件中没有日期");
		}
		int changed = store.putAll(days, by);
		calendar.refresh();
		return Map.of("rows", days.size(), "changed", changed);
	}

	Map<String, Object> hours() {
		return Map.of("default", calendar.snapshot().hoursOf(null), "townships", store.hours());
	}

	void putHours(String township, ServiceHours hours, String by) {
		store.putHours(existing(township), hours, by);
		calendar.refresh();
	}

	List<CalendarStore.AuditEntry> audit(int limit) {
		return store.audit(limit);
	}

	private CalendarDay check(String township, LocalDate date, String kind, String name, String where) {
		String scope = scopeOf(township);
		if (date == null) {
			throw new InvalidInputException(where.isEmpty() ? "date" : "file", where + "缺少日期");
		}
		if (date.getYear() < 2000 || date.getYear() > 2100) {
			throw new InvalidInputException(where.isEmpty() ? "date" : "file", where + "日期应在 2000 至 2100 年之间");
		}
		CalendarDay.Kind parsed;
		try {
			parsed = CalendarDay.Kind.valueOf(kind == null ? "" : kind);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(where.isEmpty() ? "kind" : "file", where + "类型应为 OFF（放假）或 WORK（调休上班）");
		}
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (CalendarDay.NATIONAL.equals(scope) && parsed == CalendarDay.Kind.WORK && !weekend) {
			throw new InvalidInputException(where.isEmpty() ? "kind" : "file",
					where + date + " 是工作日：WORK 只用于周六、周日调休上班");
		}
		if (name == null || name.isBlank() || name.length() > 100 || !PlainText.Validator.isPlain(name)) {
			throw new InvalidInputException(where.isEmpty() ? "name" : "file", where + "名称不能为空，最多 100 字，不含尖括号或表达式符号");
		}
		return new CalendarDay(scope, date, parsed, name.strip());
	}

	private String scopeOf(String township) {
		return township == null || township.isBlank() ? CalendarDay.NATIONAL : existing(township);
	}

	private String existing(String township) {
		if (township == null || organisation.findTownship(township).isEmpty()) {
			throw new InvalidInputException("township", "没有这个乡镇：" + township);
		}
		return township;
	}

}
