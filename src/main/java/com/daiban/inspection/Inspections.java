package com.daiban.inspection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.daiban.complaint.Complaints;
import com.daiban.identity.Groups;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.negativelist.NegativeMark;
import com.daiban.records.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monthly inspection: the month's figures of one township from the registration ledger and the complaints, and
 * the negative-list entries put before its supervision office. Nothing reaches the year-end list without a decision.
 */
@Service
public class Inspections {

	static final String UNSIGNED = "UNSIGNED";

	static final String REWORK = "REWORK";

	private final JdbcClient jdbc;

	private final MatterLedger ledger;

	private final Complaints complaints;

	private final NegativeList negativeList;

	private final Clock clock;

	Inspections(JdbcClient jdbc, MatterLedger ledger, Complaints complaints, NegativeList negativeList, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.complaints = complaints;
		this.negativeList = negativeList;
		this.clock = clock;
	}

	public ZoneId zone() {
		return clock.getZone();
	}

	public YearMonth lastMonth() {
		return YearMonth.now(clock).minusMonths(1);
	}

	public OffsetDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay(zone()).toOffsetDateTime();
	}

	/** The month's figures from the ledger, as of now (a matter still open past its promise counts as late). */
	public Figures figures(String townshipCode, YearMonth month) {
		OffsetDateTime from = start(month);
		OffsetDateTime to = start(month.plusMonths(1));
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<MatterRecord> matters = ledger.ofTownship(townshipCode, from, to);
		int onTime = 0, late = 0, unsigned = 0, rejected = 0, withdrawn = 0;
		for (MatterRecord m : matters) {
			boolean isWithdrawn = "WITHDRAWN".equals(m.status());
			if (isWithdrawn) {
				withdrawn++;
			}
			if (Boolean.TRUE.equals(m.onTime())) {
				onTime++;
			}
			if (!isWithdrawn && (Boolean.FALSE.equals(m.onTime()) || m.overdue(now))) {
				late++;
			}
			if (isUnsigned(m)) {
				unsigned++;
			}
			if (m.reworkCount() > 0) {
				rejected++;
			}
		}
		int complaintCount = complaints.ofTownship(townshipCode, from, to).size();
		return new Figures(matters, matters.size(), onTime, late, unsigned, rejected, withdrawn, complaintCount);
	}

	static boolean isUnsigned(MatterRecord m) {
		return m.completedAt() != null && m.signedOffAt() == null && !"WITHDRAWN".equals(m.status());
	}

	/**
	 * Builds (or rebuilds) the month's report of a township and proposes entries: those already recorded during the
	 * month and still unreviewed (late matters, complaints), plus unsigned and reworked matters found now.
	 */
	public InspectionReport build(String townshipCode, YearMonth month, String processInstanceId) {
		Figures f = figures(townshipCode, month);
		String period = month.toString();
		OffsetDateTime now = OffsetDateTime.now(clock);
		Optional<InspectionReport> existing = find(townshipCode, period);
		if (existing.isPresent()) {
			jdbc.sql("""
					UPDATE inspection SET built_at = ?, accepted_count = ?, on_time_count = ?, late_count = ?,
					  unsigned_count = ?, rejected_count = ?, withdrawn_count = ?, complaint_count = ?,
					  process_instance_id = ? WHERE id = ?
					""")
				.params(now, f.accepted(), f.onTime(), f.late(), f.unsigned(), f.rejected(), f.withdrawn(),
						f.complaints(), processInstanceId, existing.get().id())
				.update();
		}
		else {
			jdbc.sql("""
					INSERT INTO inspection (township_code, period_month, built_at, accepted_count, on_time_count,
					  late_count, unsigned_count, rejected_count, withdrawn_count, complaint_count, process_instance_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(townshipCode, period, now, f.accepted(), f.onTime(), f.late(), f.unsigned(), f.rejected(),
						f.withdrawn(), f.complaints(), processInstanceId)
				.update();
		}
		InspectionReport report = find(townshipCode, period).orElseThrow();
		Map<Long, NegativeListEntry> proposals = new LinkedHashMap<>();
		negativeList.proposed(townshipCode, start(month.plusMonths(1))).forEach(e -> proposals.put(e.id(), e));
		for (MatterRecord m : f.matters()) {
			if (isUnsigned(m)) {
				propose(proposals, new NegativeMark(m.matterNo() + ":" + UNSIGNED + ":" + period, m.matterNo(), UNSIGNED,
						"NORMAL", Groups.village(m.villageCode()) + " / " + m.agentId(), Groups.village(m.villageCode()),
						m.agentId(), m.villageCode(), m.townshipCode(), "办结后未经委托人签字确认"), month);
			}
			if (m.reworkCount() > 0) {
				String unit = m.handlingGroup() == null ? Groups.township(m.townshipCode()) : m.handlingGroup();
				propose(proposals, new NegativeMark(m.matterNo() + ":" + REWORK, m.matterNo(), REWORK, "NORMAL",
						unit + (m.handlerId() == null ? "" : " / " + m.handlerId()), unit, m.handlerId(), m.villageCode(),
						m.townshipCode(), "委托人不认可办理结果，退回重办 " + m.reworkCount() + " 次"), month);
			}
		}
		for (Long entryId : proposals.keySet()) {
			jdbc.sql("""
					INSERT INTO inspection_proposal (inspection_id, entry_id)
					SELECT ?, ? FROM (VALUES (1)) AS one (x)
					WHERE NOT EXISTS (SELECT 1 FROM inspection_proposal WHERE inspection_id = ? AND entry_id = ?)
					""")
				.params(report.id(), entryId, report.id(), entryId)
				.update();
		}
		return report;
	}

	private void propose(Map<Long, NegativeListEntry> proposals, NegativeMark mark, YearMonth month) {
		if (negativeList.mark(mark)) {
			negativeList.attributeToYear(mark.idempotencyKey(), month.getYear());
		}
		NegativeListEntry entry = negativeList.findByKey(mark.idempotencyKey()).orElseThrow();
		// an entry decided in an earlier inspection stays decided; only open ones go up for review
		if ("PROPOSED".equals(entry.status())) {
			proposals.put(entry.id(), entry);
		}
	}

	public Optional<InspectionReport> find(String townshipCode, String periodMonth) {
		return jdbc.sql("SELECT * FROM inspection WHERE township_code = ? AND period_month = ?")
			.params(townshipCode, periodMonth)
			.query(RecordRows.of(InspectionReport.class))
			.optional();
	}

	public Optional<InspectionReport> find(long id) {
		return jdbc.sql("SELECT * FROM inspection WHERE id = ?")
			.param(id)
			.query(RecordRows.of(InspectionReport.class))
			.optional();
	}

	public List<InspectionReport> all(String periodMonth) {
		return jdbc.sql("SELECT * FROM inspection WHERE period_month = ? ORDER BY township_code")
			.param(periodMonth)
			.query(RecordRows.of(InspectionReport.class))
			.list();
	}

	/** The entries this inspection put up for review, with their current status. */
	public List<NegativeListEntry> proposals(long inspectionId) {
		List<Long> ids = jdbc.sql("SELECT entry_id FROM inspection_proposal WHERE inspection_id = ? ORDER BY entry_id")
			.param(inspectionId)
			.query(Long.class)
			.list();
		return ids.stream().map(id -> negativeList.find(id).orElseThrow()).toList();
	}

	/** One decision of the supervision office on an entry of this inspection. */
	public void decide(long inspectionId, long entryId, boolean confirm, String reviewer, String note) {
		boolean belongs = proposals(inspectionId).stream().anyMatch(e -> e.id() == entryId);
		if (!belongs) {
			throw new com.daiban.web.InvalidInputException("entryId", "该条目不在本次检查的复核范围内：" + entryId);
		}
		if (!confirm && (note == null || note.isBlank())) {
			throw new com.daiban.web.InvalidInputException("note", "撤销负面清单条目必须说明理由：" + entryId);
		}
		negativeList.review(entryId, confirm, reviewer, note);
	}

	/** Closes the review; refused while any proposed entry is undecided. */
	public void completeReview(long inspectionId, String reviewer) {
		List<Long> open = proposals(inspectionId).stream()
			.filter(e -> "PROPOSED".equals(e.status()))
			.map(NegativeListEntry::id)
			.toList();
		if (!open.isEmpty()) {
			throw new com.daiban.web.InvalidInputException("reviewDecisions", "以下条目尚未复核（确认或撤销）：" + open);
		}
		jdbc.sql("UPDATE inspection SET reviewed_by = ?, reviewed_at = ? WHERE id = ?")
			.params(reviewer, OffsetDateTime.now(clock), inspectionId)
			.update();
	}

	public record Figures(List<MatterRecord> matters, int accepted, int onTime, int late, int unsigned, int rejected,
			int withdrawn, int complaints) {
	}

}
