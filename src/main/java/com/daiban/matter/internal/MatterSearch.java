package com.daiban.matter.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.daiban.identity.Caller;
import com.daiban.records.RecordRows;
import com.daiban.matter.MatterRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds matters for the people following them in Tasklist: by number or by the resident's name, or the matters still in
 * progress. Only the matters the caller may see ({@link Caller#maySee}) are ever read.
 */
@Component
class MatterSearch {

	static final int LIMIT = 50;

	private static final Set<String> FINISHED = Set.of("CLOSED", "WITHDRAWN");

	private final JdbcClient jdbc;

	MatterSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param text a matter number, or the start of the resident's name; blank: every matter
	 * @param openOnly only matters not yet closed or withdrawn
	 */
	List<MatterRecord> find(Caller caller, String text, boolean openOnly) {
		StringBuilder sql = new StringBuilder("SELECT * FROM matter WHERE 1 = 1");
		if (!caller.isAdmin()) {
			sql.append(" AND (village_code IN (:villages) OR township_code IN (:townships)"
					+ " OR handling_group IN (:groups))");
		}
		if (text != null && !text.isBlank()) {
			sql.append(" AND (matter_no = :text OR resident_name LIKE :prefix ESCAPE '\\')");
		}
		if (openOnly) {
			sql.append(" AND status NOT IN (:finished)");
		}
		sql.append(" ORDER BY accepted_at DESC FETCH FIRST " + LIMIT + " ROWS ONLY");
		var statement = jdbc.sql(sql.toString());
		if (!caller.isAdmin()) {
			Set<String> townships = new java.util.HashSet<>(caller.townships());
			townships.addAll(caller.supervisedTownships());
			statement = statement.param("villages", orNone(caller.villages()))
				.param("townships", orNone(townships))
				.param("groups", orNone(caller.groupIds()));
		}
		if (text != null && !text.isBlank()) {
			String trimmed = text.strip();
			statement = statement.param("text", trimmed)
				.param("prefix", trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (openOnly) {
			statement = statement.param("finished", FINISHED);
		}
		return statement.query(RecordRows.of(MatterRecord.class)).list();
	}

	Optional<MatterRecord> byNumber(Caller caller, String matterNo) {
		return one(caller, "matter_no", matterNo);
	}

	List<MatterRecord> byInstance(Caller caller, String processInstanceId) {
		return one(caller, "process_instance_id", processInstanceId).stream().toList();
	}

	private Optional<MatterRecord> one(Caller caller, String column, String value) {
		return jdbc.sql("SELECT * FROM matter WHERE " + column + " = ?")
			.param(value)
			.query(RecordRows.of(MatterRecord.class))
			.optional()
			.filter(m -> caller.maySee(m.villageCode(), m.townshipCode(), m.handlingGroup()));
	}

	/** IN () is no valid SQL: a set without members matches nothing. */
	private static List<String> orNone(java.util.Collection<String> values) {
		return values.isEmpty() ? List.of("") : List.copyOf(values);
	}

}
