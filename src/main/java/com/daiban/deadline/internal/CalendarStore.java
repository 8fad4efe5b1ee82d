package com.daiban.deadline.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The calendar's tables; every change writes its audit row in the same transaction. */
@Repository
class CalendarStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	CalendarStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<CalendarDay> days() {
		return jdbc.sql("SELECT scope, calendar_date, kind, name FROM calendar_day ORDER BY calendar_date, scope")
			.query((rs, n) -> new CalendarDay(rs.getString(1), rs.getObject(2, LocalDate.class),
					CalendarDay.Kind.valueOf(rs.getString(3)), rs.getString(4)))
			.list();
	}

	Map<String, ServiceHours> hours() {
		return jdbc.sql("SELECT township_code, opens_at, closes_at, lunch_from, lunch_until FROM service_hours")
			.query((rs, n) -> Map.entry(rs.getString(1), new ServiceHours(rs.getObject(2, LocalTime.class),
					rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The newest audit row's id: a change anywhere (another node too) moves it. */
	long version() {
		Long id = jdbc.sql("SELECT MAX(id) FROM calendar_audit").query(Long.class).optional().orElse(null);
		return id == null ? 0 : id;
	}

	/** Adds or replaces the date in its scope; {@code false} when it was already so (nothing written). */
	@Transactional
	boolean put(CalendarDay day, String by) {
		Optional<String> old = jdbc.sql("SELECT kind || ' ' || name FROM calendar_day WHERE scope = ? AND calendar_date = ?")
			.params(day.scope(), day.date())
			.query(String.class)
			.optional();
		String value = day.kind() + " " + day.name();
		if (old.isPresent() && old.get().equals(value)) {
			return false;
		}
		if (old.isPresent()) {
			jdbc.sql("UPDATE calendar_day SET kind = ?, name = ? WHERE scope = ? AND calendar_date = ?")
				.params(day.kind().name(), day.name(), day.scope(), day.date())
				.update();
		}
		else {
			jdbc.sql("INSERT INTO calendar_day (scope, calendar_date, kind, name) VALUES (?, ?, ?, ?)")
				.params(day.scope(), day.date(), day.kind().name(), day.name())
				.update();
		}
		audit(by, old.isPresent() ? "CHANGE" : "ADD", day.scope(), day.date().toString(), old.orElse(null), value);
		return true;
	}

	/** All dates at once, in one transaction (an upload): how many were new or changed. */
	@Transactional
	int putAll(List<CalendarDay> days, String by) {
		int changed = 0;
		for (CalendarDay day : days) {
			changed += put(day, by) ? 1 : 0;
		}
		return changed;
	}

	@Transactional
	boolean remove(String scope, LocalDate date, String by) {
		Optional<String> old = jdbc.sql("SELECT kind || ' ' || name FROM calendar_day WHERE scope = ? AND calendar_date = ?")
			.params(scope, date)
			.query(String.class)
			.optional();
		if (old.isEmpty()) {
			return false;
		}
		jdbc.sql("DELETE FROM calendar_day WHERE scope = ? AND calendar_date = ?").params(scope, date).update();
		audit(by, "REMOVE", scope, date.toString(), old.get(), null);
		return true;
	}

	/** Sets a township's own hours, or with {@code null} gives it the default hours again. */
	@Transactional
	void putHours(String townshipCode, ServiceHours hours, String by) {
		Optional<String> old = Optional.ofNullable(hours().get(townshipCode)).map(ServiceHours::toString);
		jdbc.sql("DELETE FROM service_hours WHERE township_code = ?").param(townshipCode).update();
		if (hours != null) {
			jdbc.sql("""
					INSERT INTO service_hours (township_code, opens_at, closes_at, lunch_from, lunch_until)
					VALUES (?, ?, ?, ?, ?)""")
				.params(townshipCode, hours.opensAt(), hours.closesAt(), hours.lunchFrom(), hours.lunchUntil())
				.update();
		}
		audit(by, hours == null ? "REMOVE" : "HOURS", townshipCode, "service-hours", old.orElse(null),
				hours == null ? null : hours.toString());
	}

	List<AuditEntry> audit(int limit) {
		return jdbc.sql("""
				SELECT changed_at, changed_by, action, scope, subject, old_value, new_value
				FROM calendar_audit ORDER BY id DESC FETCH FIRST ? ROWS ONLY""")
			.param(limit)
			.query((rs, n) -> new AuditEntry(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	private void audit(String by, String action, String scope, String subject, String oldValue, String newValue) {
		jdbc.sql("""
				INSERT INTO calendar_audit (changed_at, changed_by, action, scope, subject, old_value, new_value)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(OffsetDateTime.now(clock), by, action, scope, subject, oldValue, newValue)
			.update();
	}

	/** One change: who, when, what (old and new value as text). */
	record AuditEntry(OffsetDateTime changedAt, String changedBy, String action, String scope, String subject,
			String oldValue, String newValue) {
	}

}
