package com.daiban.negativelist;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.daiban.records.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
public class NegativeList {

	private final JdbcClient jdbc;

	private final Clock clock;

	NegativeList(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Marks once per idempotency key: a repeated call (a job run twice, a retry after a crash) finds the entry and
	 * adds nothing. Two concurrent first calls meet the unique key; the loser's job fails and its retry finds the entry.
	 *
	 * @return whether this call added the entry
	 */
	public boolean mark(NegativeMark mark) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		int inserted = jdbc.sql("""
				INSERT INTO negative_list_entry (idempotency_key, matter_no, reason, severity, subject, responsible_unit,
				  handler_id, village_code, township_code, recorded_at, record_year, detail, status)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED' FROM (VALUES (1)) AS one (x)
				WHERE NOT EXISTS (SELECT 1 FROM negative_list_entry WHERE idempotency_key = ?)
				""")
			.params(mark.idempotencyKey(), mark.matterNo(), mark.reason(), mark.severity(), mark.subject(),
					mark.responsibleUnit(), mark.handlerId(), mark.villageCode(), mark.townshipCode(), now,
					now.atZoneSameInstant(clock.getZone()).getYear(), mark.detail(), mark.idempotencyKey())
			.update();
		return inserted == 1;
	}

	/** Entries of a year, optionally of one township or village, oldest first. */
	public List<NegativeListEntry> entries(int year, String townshipCode, String villageCode) {
		StringBuilder sql = new StringBuilder("SELECT * FROM negative_list_entry WHERE record_year = ?");
		List<Object> params = new ArrayList<>(List.of(year));
		if (townshipCode != null) {
			sql.append(" AND township_code = ?");
			params.add(townshipCode);
		}
		if (villageCode != null) {
			sql.append(" AND village_code = ?");
			params.add(villageCode);
		}
		sql.append(" ORDER BY recorded_at, id");
		return jdbc.sql(sql.toString()).params(params).query(RecordRows.of(NegativeListEntry.class)).list();
	}

	public List<NegativeListEntry> ofMatter(String matterNo) {
		return jdbc.sql("SELECT * FROM negative_list_entry WHERE matter_no = ? ORDER BY recorded_at, id")
			.param(matterNo)
			.query(RecordRows.of(NegativeListEntry.class))
			.list();
	}


	public java.util.Optional<NegativeListEntry> find(long id) {
		return jdbc.sql("SELECT * FROM negative_list_entry WHERE id = ?")
			.param(id)
			.query(RecordRows.of(NegativeListEntry.class))
			.optional();
	}

	public java.util.Optional<NegativeListEntry> findByKey(String idempotencyKey) {
		return jdbc.sql("SELECT * FROM negative_list_entry WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query(RecordRows.of(NegativeListEntry.class))
			.optional();
	}

	/** Entries of a township still awaiting review that were recorded before {@code before}. */
	public List<NegativeListEntry> proposed(String townshipCode, OffsetDateTime before) {
		return jdbc.sql("""
				SELECT * FROM negative_list_entry WHERE township_code = ? AND status = 'PROPOSED' AND recorded_at < ?
				ORDER BY recorded_at, id
				""")
			.params(townshipCode, before)
			.query(RecordRows.of(NegativeListEntry.class))
			.list();
	}

	/**
	 * The supervision office's decision on a proposed entry: CONFIRMED enters the year-end list, STRUCK does not.
	 * Either way who, when and why are kept. A decided entry is not decided again.
	 *
	 * @return whether this call decided the entry
	 */
	public boolean review(long id, boolean confirm, String reviewer, String note) {
		if (reviewer == null || reviewer.isBlank()) {
			throw new IllegalArgumentException("a review needs the reviewer");
		}
		return jdbc.sql("""
				UPDATE negative_list_entry SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?
				WHERE id = ? AND status = 'PROPOSED'
				""")
			.params(confirm ? "CONFIRMED" : "STRUCK", reviewer, OffsetDateTime.now(clock), note, id)
			.update() == 1;
	}


	/**
	 * Counts an entry in the year of the period it is about, not the year it was written down: an inspection of
	 * December run on 1 January proposes entries for December's year.
	 */
	public void attributeToYear(String idempotencyKey, int year) {
		jdbc.sql("UPDATE negative_list_entry SET record_year = ? WHERE idempotency_key = ? AND status = 'PROPOSED'")
			.params(year, idempotencyKey)
			.update();
	}

}
