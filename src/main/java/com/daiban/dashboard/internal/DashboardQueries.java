package com.daiban.dashboard.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based queries behind the supervision workspace. Nothing here reads whole ledgers into memory: open matters
 * are counted on {@code idx_matter_open_due}, settled months come from {@code matter_month_figure}, and only the months
 * that can still change are counted from the ledger.
 */
@Component
class DashboardQueries {

	/** Timeline kinds the workspace counts per unit. */
	static final List<String> EVENT_KINDS = List.of("URGED", "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "PAUSED");

	/** Counted with their matching pause: a matter is paused while its last of these is PAUSED. */
	static final List<String> PAUSE_KINDS = List.of("PAUSED", "RESUMED");

	/*
	 * The rules of matter.Rates, the one definition every report uses, as conditions on a matter row "m", so that a
	 * month is counted in the database; DashboardApiTests checks the dashboard's rates against Rates.
	 */

	/** Late: completed after its promise, or still open past it (a paused or terminated matter's clock stands). */
	static final String LATE = """
			(m.status <> 'WITHDRAWN' AND (m.on_time = FALSE OR (m.on_time IS NULL AND m.due_at IS NOT NULL
			  AND m.status NOT IN ('PAUSED', 'TERMINATED')
			  AND ((m.completed_at IS NULL AND m.due_at < :now) OR m.completed_at > m.due_at))))""";

	/** Resolved: closed as done; 「非本单位职责」「无法办理」 are answered, not resolved. */
	static final String RESOLVED = "(m.status = 'CLOSED' AND m.outcome = 'DONE')";

	/** Every rating a matter received, also those of rounds the resident rejected. */
	static final String RATINGS = "(SELECT count(*) FROM matter_rating r WHERE r.matter_no = m.matter_no)";

	static final String SATISFIED_RATINGS =
			"(SELECT count(*) FROM matter_rating r WHERE r.matter_no = m.matter_no AND r.satisfied = TRUE)";

	private static final String COUNTS = """
			count(*) AS accepted,
			  COALESCE(SUM(CASE WHEN m.status = 'WITHDRAWN' THEN 1 ELSE 0 END), 0) AS withdrawn,
			  COALESCE(SUM(CASE WHEN m.status <> 'WITHDRAWN' AND m.on_time = TRUE THEN 1 ELSE 0 END), 0) AS on_time,
			  COALESCE(SUM(CASE WHEN %s THEN 1 ELSE 0 END), 0) AS late,
			  COALESCE(SUM(CASE WHEN %s THEN 1 ELSE 0 END), 0) AS resolved,
			  COALESCE(SUM(CASE WHEN m.status <> 'WITHDRAWN' THEN %s ELSE 0 END), 0) AS rated,
			  COALESCE(SUM(CASE WHEN m.status <> 'WITHDRAWN' THEN %s ELSE 0 END), 0) AS satisfied
			""".formatted(LATE, RESOLVED, RATINGS, SATISFIED_RATINGS);

	private final JdbcClient jdbc;

	private final Clock clock;

	DashboardQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	ZoneId zone() {
		return clock.getZone();
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	OffsetDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay(zone()).toOffsetDateTime();
	}

	OffsetDateTime startOfToday() {
		return now().atZoneSameInstant(zone()).toLocalDate().atStartOfDay(zone()).toOffsetDateTime();
	}

	// ---- open matters -----------------------------------------------------------------------------------------------

	/** Per village: open matters past their promise now. */
	Map<String, Integer> overdueByVillage(Collection<String> townships) {
		return perVillage("""
				SELECT village_code, count(*) FROM matter WHERE township_code IN (:townships) AND closed_at IS NULL
				  AND completed_at IS NULL AND due_at < :now GROUP BY village_code
				""", townships, Map.of("now", now()));
	}

	/** Per village: open matters whose promise falls due later today. */
	Map<String, Integer> dueTodayByVillage(Collection<String> townships) {
		return perVillage("""
				SELECT village_code, count(*) FROM matter WHERE township_code IN (:townships) AND closed_at IS NULL
				  AND completed_at IS NULL AND due_at >= :now AND due_at < :tomorrow GROUP BY village_code
				""", townships, Map.of("now", now(), "tomorrow", startOfToday().plusDays(1)));
	}

	/** Per village: open matters whose clock is paused now (their last pause event is a pause, not a resumption). */
	Map<String, Integer> pausedByVillage(Collection<String> townships) {
		return perVillage("""
				SELECT m.village_code, count(*) FROM matter m WHERE m.township_code IN (:townships)
				  AND m.closed_at IS NULL AND m.matter_no IN (SELECT e.matter_no FROM matter_event e
				    WHERE e.kind = 'PAUSED' AND NOT EXISTS (SELECT 1 FROM matter_event r WHERE r.matter_no = e.matter_no
				      AND r.kind IN (:pauseKinds) AND (r.occurred_at > e.occurred_at
				        OR (r.occurred_at = e.occurred_at AND r.id > e.id))))
				GROUP BY m.village_code
				""", townships, Map.of("pauseKinds", PAUSE_KINDS));
	}

	private Map<String, Integer> perVillage(String sql, Collection<String> townships, Map<String, ?> params) {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.sql(sql).param("townships", townships).params(params)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		return counts;
	}

	// ---- month counts -------------------------------------------------------------------------------------------------

	/**
	 * Counts per village and month for {@code months}: the current month and months with an open matter from the
	 * ledger, the others (settled: no matter of theirs can change any more) from the store, counted and kept on first use.
	 */
	Map<String, Map<YearMonth, MonthCounts>> monthCounts(Collection<String> townships, List<YearMonth> months) {
		Map<String, Map<YearMonth, MonthCounts>> result = new LinkedHashMap<>();
		YearMonth current = YearMonth.from(now().atZoneSameInstant(zone()));
		for (String township : townships) {
			Set<YearMonth> live = monthsWithOpenMatters(township, months);
			live.add(current);
			List<YearMonth> settled = months.stream().filter(m -> !live.contains(m) && m.isBefore(current)).toList();
			Map<String, Map<YearMonth, MonthCounts>> stored = stored(township, settled);
			for (YearMonth month : months) {
				Map<String, MonthCounts> counts;
				if (!settled.contains(month)) {
					counts = countFromLedger(township, month);
				}
				else {
					counts = new HashMap<>();
					for (var e : stored.entrySet()) {
						MonthCounts c = e.getValue().get(month);
						if (c != null) {
							counts.put(e.getKey(), c);
						}
					}
					if (counts.isEmpty()) {
						counts = countFromLedger(township, month);
						keep(township, month, counts);
					}
				}
				counts.forEach((village, c) -> result.computeIfAbsent(village, v -> new LinkedHashMap<>()).put(month, c));
			}
		}
		return result;
	}

	/** The months among {@code months} in which a matter of the township accepted then is still open: one index scan. */
	private Set<YearMonth> monthsWithOpenMatters(String township, List<YearMonth> months) {
		StringBuilder sql = new StringBuilder("SELECT ");
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < months.size(); i++) {
			sql.append(i == 0 ? "" : ", ")
				.append("COALESCE(SUM(CASE WHEN accepted_at >= :from").append(i).append(" AND accepted_at < :to").append(i)
				.append(" THEN 1 ELSE 0 END), 0)");
			params.put("from" + i, start(months.get(i)));
			params.put("to" + i, start(months.get(i).plusMonths(1)));
		}
		sql.append(" FROM matter WHERE township_code = :township AND closed_at IS NULL");
		params.put("township", township);
		Set<YearMonth> open = new HashSet<>();
		jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			for (int i = 0; i < months.size(); i++) {
				if (rs.getInt(i + 1) > 0) {
					open.add(months.get(i));
				}
			}
			return null;
		}).list();
		return open;
	}

	private Map<String, Map<YearMonth, MonthCounts>> stored(String township, List<YearMonth> months) {
		Map<String, Map<YearMonth, MonthCounts>> stored = new HashMap<>();
		if (months.isEmpty()) {
			return stored;
		}
		jdbc.sql("""
				SELECT village_code, period_month, accepted, withdrawn, on_time, late, resolved, rated, satisfied
				FROM matter_month_figure WHERE township_code = :township AND period_month IN (:months)
				""")
			.param("township", township)
			.param("months", months.stream().map(YearMonth::toString).toList())
			.query((rs, n) -> stored.computeIfAbsent(rs.getString(1), v -> new HashMap<>())
				.put(YearMonth.parse(rs.getString(2).trim()), new MonthCounts(rs.getInt(3), rs.getInt(4), rs.getInt(5),
						rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9))))
			.list();
		return stored;
	}

	private Map<String, MonthCounts> countFromLedger(String township, YearMonth month) {
		Map<String, MonthCounts> counts = new HashMap<>();
		jdbc.sql("SELECT m.village_code, " + COUNTS + """
				FROM matter m WHERE m.township_code = :township AND m.accepted_at >= :from AND m.accepted_at < :to
				GROUP BY m.village_code
				""")
			.param("township", township)
			.param("now", now())
			.param("from", start(month))
			.param("to", start(month.plusMonths(1)))
			.query((rs, n) -> counts.put(rs.getString(1), new MonthCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4),
					rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8))))
			.list();
		return counts;
	}

	/**
	 * Keeps a settled month. A month without any matter is kept as one zero row of a village, so that it is not
	 * counted again on every visit.
	 */
	private void keep(String township, YearMonth month, Map<String, MonthCounts> counts) {
		Map<String, MonthCounts> rows = new HashMap<>(counts);
		if (rows.isEmpty()) {
			jdbc.sql("SELECT code FROM village WHERE township_code = ? ORDER BY code")
				.param(township)
				.query(String.class)
				.list()
				.stream()
				.findFirst()
				.ifPresent(village -> rows.put(village, MonthCounts.NONE));
		}
		OffsetDateTime now = now();
		rows.forEach((village, c) -> {
			try {
				jdbc.sql("""
						INSERT INTO matter_month_figure (village_code, period_month, township_code, accepted, withdrawn,
						  on_time, late, resolved, rated, satisfied, counted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(village, month.toString(), township, c.accepted(), c.withdrawn(), c.onTime(), c.late(),
							c.resolved(), c.rated(), c.satisfied(), now)
					.update();
			}
			catch (DuplicateKeyException kept) {
				// another request kept the same month a moment ago: its counts are the same
			}
		});
	}

	// ---- negative list and timeline --------------------------------------------------------------------------------

	/** Entries of a year not struck by the review, per reason and per responsible unit. */
	List<Group> negativeList(Collection<String> townships, int year) {
		return jdbc.sql("""
				SELECT reason, responsible_unit, count(*) FROM negative_list_entry
				WHERE record_year = :year AND township_code IN (:townships) AND status <> 'STRUCK'
				GROUP BY reason, responsible_unit
				""")
			.param("year", year)
			.param("townships", townships)
			.query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	/** Urges, extensions and pauses of a year per handling unit and kind. */
	List<Group> events(Collection<String> townships, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("""
				SELECT e.kind, COALESCE(m.handling_group, m.township_code), count(*) FROM matter_event e
				JOIN matter m ON m.matter_no = e.matter_no
				WHERE e.kind IN (:kinds) AND e.occurred_at >= :from AND e.occurred_at < :to
				  AND m.township_code IN (:townships)
				GROUP BY e.kind, COALESCE(m.handling_group, m.township_code)
				""")
			.param("kinds", EVENT_KINDS)
			.param("from", from)
			.param("to", to)
			.param("townships", townships)
			.query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	/** A count of {@code key} (reason or event kind) for {@code unit}. */
	record Group(String key, String unit, int count) {
	}

	// ---- the matters behind a figure -------------------------------------------------------------------------------

	/** Matters of a figure, newest first, at most {@code limit}; the SQL condition and its parameters come from the caller. */
	List<MatterRow> matters(String condition, Map<String, ?> params, int limit) {
		List<MatterRow> rows = new ArrayList<>();
		jdbc.sql("""
				SELECT m.matter_no, m.village_code, m.township_code, m.service_item_code, m.resident_name, m.resident_phone,
				  m.accepted_at, m.due_at, m.completed_at, m.closed_at, m.status, m.on_time, m.handling_group,
				  m.process_instance_id
				FROM matter m""" + " WHERE " + condition + " ORDER BY m.accepted_at DESC, m.matter_no DESC LIMIT " + limit)
			.params(params)
			.query((rs, n) -> new MatterRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
					rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
					rs.getObject(10, OffsetDateTime.class), rs.getString(11), (Boolean) rs.getObject(12), rs.getString(13),
					rs.getString(14)))
			.list()
			.forEach(rows::add);
		return rows;
	}

	int count(String condition, Map<String, ?> params) {
		return jdbc.sql("SELECT count(*) FROM matter m WHERE " + condition).params(params).query(Integer.class).single();
	}

	record MatterRow(String matterNo, String villageCode, String townshipCode, String serviceItemCode,
			String residentName, String residentPhone, OffsetDateTime acceptedAt, OffsetDateTime dueAt,
			OffsetDateTime completedAt, OffsetDateTime closedAt, String status, Boolean onTime, String handlingGroup,
			String processInstanceId) {
	}

}
