package com.daiban.handling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.daiban.records.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of pauses, extensions and urges beside the ledger: what the clock operations need to remember. */
@Repository
class HandlingLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	HandlingLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** @return how many times the matter has now been paused */
	int pause(String matterNo, String townshipCode, String handlingGroup, String actor, String reason,
			OffsetDateTime dueAt, Duration remaining, Duration untilReminder) {
		jdbc.sql("""
				INSERT INTO matter_pause (matter_no, township_code, handling_group, paused_by, reason, paused_at,
				  due_at_before, remaining_millis, reminder_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(matterNo, townshipCode, handlingGroup, actor, reason, now(), dueAt, remaining.toMillis(),
					untilReminder == null ? null : untilReminder.toMillis())
			.update();
		return jdbc.sql("SELECT COUNT(*) FROM matter_pause WHERE matter_no = ?").param(matterNo).query(Integer.class).single();
	}

	Optional<OpenPause> openPause(String matterNo) {
		return jdbc.sql("""
				SELECT id, paused_at, remaining_millis, reminder_millis, reason FROM matter_pause
				WHERE matter_no = ? AND resumed_at IS NULL ORDER BY id DESC
				""")
			.param(matterNo)
			.query((rs, row) -> new OpenPause(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					Duration.ofMillis(rs.getLong(3)), rs.getObject(4) == null ? null : Duration.ofMillis(rs.getLong(4)),
					rs.getString(5)))
			.optional();
	}

	void resume(long pauseId, String actor, OffsetDateTime dueAt, Duration pausedWorking) {
		jdbc.sql("UPDATE matter_pause SET resumed_by = ?, resumed_at = ?, due_at_after = ?, paused_working_millis = ? WHERE id = ?")
			.params(actor, now(), dueAt, pausedWorking.toMillis(), pauseId)
			.update();
	}

	record OpenPause(long id, Instant pausedAt, Duration remaining, Duration untilReminder, String reason) {
	}

	/** @return how many extensions the matter has now asked for */
	int requestExtension(String matterNo, String actor, int workingDays, String reason) {
		jdbc.sql("INSERT INTO matter_extension (matter_no, requested_by, requested_at, working_days, reason) VALUES (?, ?, ?, ?, ?)")
			.params(matterNo, actor, now(), workingDays, reason)
			.update();
		return jdbc.sql("SELECT COUNT(*) FROM matter_extension WHERE matter_no = ?").param(matterNo).query(Integer.class).single();
	}

	List<Extension> extensions(String matterNo) {
		return jdbc.sql("SELECT * FROM matter_extension WHERE matter_no = ? ORDER BY id")
			.param(matterNo)
			.query(RecordRows.of(Extension.class))
			.list();
	}

	void decideExtension(long id, String actor, boolean approved, boolean allowFurther, String opinion,
			OffsetDateTime dueBefore, OffsetDateTime dueAfter) {
		jdbc.sql("""
				UPDATE matter_extension SET decided_by = ?, decided_at = ?, approved = ?, allow_further = ?, opinion = ?,
				  due_at_before = ?, due_at_after = ? WHERE id = ?
				""")
			.params(actor, now(), approved, allowFurther, opinion, dueBefore, dueAfter, id)
			.update();
	}

	record Extension(long id, String matterNo, String requestedBy, OffsetDateTime requestedAt, int workingDays,
			String reason, String decidedBy, OffsetDateTime decidedAt, Boolean approved, Boolean allowFurther,
			String opinion) {

		boolean pending() {
			return decidedAt == null;
		}

	}

	/** @return how many times the matter has now been urged */
	int urge(String matterNo, String actor, String note) {
		jdbc.sql("INSERT INTO matter_urge (matter_no, urged_by, urged_at, note) VALUES (?, ?, ?, ?)")
			.params(matterNo, actor, now(), note)
			.update();
		return jdbc.sql("SELECT COUNT(*) FROM matter_urge WHERE matter_no = ?").param(matterNo).query(Integer.class).single();
	}

	Optional<OffsetDateTime> lastUrge(String matterNo) {
		return jdbc.sql("SELECT urged_at FROM matter_urge WHERE matter_no = ? ORDER BY urged_at DESC, id DESC LIMIT 1")
			.param(matterNo)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
			.optional();
	}

	/** Paused working time per handling unit of a township, for pauses that began within [from, to). */
	List<PausedTime> pausedTime(String townshipCode, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("""
				SELECT handling_group, matter_no, COUNT(*) AS pauses, COALESCE(SUM(paused_working_millis), 0) AS paused_millis,
				  SUM(CASE WHEN resumed_at IS NULL THEN 1 ELSE 0 END) AS open_pauses
				FROM matter_pause WHERE township_code = ? AND paused_at >= ? AND paused_at < ?
				GROUP BY handling_group, matter_no ORDER BY handling_group, matter_no
				""")
			.params(townshipCode, from, to)
			.query((rs, row) -> new PausedTime(rs.getString(1), rs.getString(2), rs.getInt(3), Duration.ofMillis(rs.getLong(4)),
					rs.getInt(5)))
			.list();
	}

	record PausedTime(String handlingGroup, String matterNo, int pauses, Duration pausedWorkingTime, int openPauses) {
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

}
