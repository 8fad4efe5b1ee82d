package com.daiban.matter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.identity.StaffContact;
import com.daiban.input.Resident;
import com.daiban.input.TypedText;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Village;
import com.daiban.records.DailyCounters;
import com.daiban.records.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The registration ledger: every step of a matter is written here as the process runs, so the form the supervision
 * office checks each month is always complete. Process delegates and the API both go through this class.
 */
@Service
public class MatterLedger {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final String SELECT = "SELECT * FROM matter ";

	/** The ledger's actor for what the resident did on the public page, proven by a one-time code. */
	public static final String RESIDENT_HIMSELF = "resident";

	private final JdbcClient jdbc;

	private final Organisation organisation;

	private final ServiceCatalogue catalogue;

	private final DailyCounters counters;

	private final Clock clock;

	private final ZoneId zone;

	MatterLedger(JdbcClient jdbc, Organisation organisation, ServiceCatalogue catalogue, DailyCounters counters,
			Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.catalogue = catalogue;
		this.counters = counters;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/** Checks a draft against the organisation and the catalogue; the field named in the exception is the culprit. */
	public ValidatedDraft validate(MatterDraft draft) {
		require("villageCode", draft.villageCode());
		require("serviceItemCode", draft.serviceItemCode());
		if (draft.channel() == null) {
			throw new InvalidMatterException("channel", "受理方式必须是 OFFICE、HOME 或 PHONE");
		}
		Resident resident = Resident.of("resident", "委托人", draft.residentName(), draft.residentPhone());
		TypedText.required("description", "事项说明", draft.description(), 2000);
		Village village = organisation.findVillage(draft.villageCode())
			.orElseThrow(() -> new InvalidMatterException("villageCode", "未知的村代码：" + abbreviate(draft.villageCode())));
		ServiceItem item = catalogue.find(draft.serviceItemCode())
			.orElseThrow(() -> new InvalidMatterException("serviceItemCode",
					"未知的服务事项：" + abbreviate(draft.serviceItemCode())));
		return new ValidatedDraft(draft, village, item, resident);
	}

	/**
	 * Allocates the next matter number of the township for today, in a transaction of its own ({@link DailyCounters}):
	 * a number lost to a later rollback leaves a gap, never a duplicate.
	 */
	public String nextMatterNo(String townshipCode) {
		String day = OffsetDateTime.now(clock).atZoneSameInstant(zone).format(DAY);
		return "%s-%s-%04d".formatted(townshipCode, day, counters.next("matter_number_counter", townshipCode, day));
	}

	public void register(String matterNo, ValidatedDraft validated, StaffContact agent, String processInstanceId) {
		MatterDraft draft = validated.draft();
		OffsetDateTime now = now();
		jdbc.sql("""
				INSERT INTO matter (matter_no, village_code, township_code, service_item_code, channel, resident_name,
				  resident_phone, description, agent_id, agent_name, agent_phone, accepted_at, status, process_instance_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(matterNo, draft.villageCode(), validated.village().townshipCode(), draft.serviceItemCode(),
					draft.channel().name(), validated.resident().name(), validated.resident().phone(), draft.description(),
					agent.userId(), agent.name(), agent.phone(), now, MatterStatus.ACCEPTED.name(), processInstanceId)
			.update();
		addEvent(matterNo, "ACCEPTED", agent.userId(), draft.channel().label() + "受理：" + validated.item().name());
	}

	public void recordPromise(String matterNo, String level, String handlingGroup, String timeLimit,
			OffsetDateTime dueAt) {
		jdbc.sql("UPDATE matter SET level = ?, handling_group = ?, time_limit = ?, due_at = ?, status = ? WHERE matter_no = ?")
			.params(level, handlingGroup, timeLimit, dueAt, MatterStatus.HANDLING.name(), matterNo)
			.update();
		addEvent(matterNo, "PROMISED", null, "承诺办结时限 " + timeLimit + "，" + handlingGroup + " 办理，最迟 "
				+ MINUTES.format(dueAt.atZoneSameInstant(zone)));
	}

	public void recordHandling(String matterNo, String handlerId, String outcome, String reply) {
		OffsetDateTime now = now();
		boolean returned = MatterOutcome.MATERIALS_MISSING.name().equals(outcome);
		if (returned) {
			jdbc.sql("UPDATE matter SET handler_id = ?, outcome = ?, reply = ?, status = ? WHERE matter_no = ?")
				.params(handlerId, outcome, reply, MatterStatus.RETURNED.name(), matterNo)
				.update();
		}
		else {
			jdbc.sql("""
					UPDATE matter SET handler_id = ?, outcome = ?, reply = ?, completed_at = ?,
					  on_time = (due_at IS NULL OR due_at >= ?), status = ? WHERE matter_no = ?
					""")
				.params(handlerId, outcome, reply, now, now, MatterStatus.REPLIED.name(), matterNo)
				.update();
		}
		addEvent(matterNo, returned ? "RETURNED" : "HANDLED", handlerId, outcomeLabel(outcome) + (reply == null ? "" : "：" + reply));
	}

	/**
	 * @param enteredBy who entered the sign-off: the agent's user id, or {@link #RESIDENT_HIMSELF} when the resident
	 * confirmed on the public page with a one-time code sent to the phone on the matter
	 */
	public void recordSignOff(String matterNo, String enteredBy, boolean confirmed, int rating, String note) {
		// every round's rating is kept: the satisfaction rate counts the rejected rounds too
		jdbc.sql("INSERT INTO matter_rating (matter_no, rated_at, rating, satisfied, confirmed) VALUES (?, ?, ?, ?, ?)")
			.params(matterNo, now(), rating, confirmed && rating >= 4, confirmed)
			.update();
		if (confirmed) {
			jdbc.sql("""
					UPDATE matter SET satisfied = ?, rating = ?, sign_off_note = ?, signed_off_at = ?, signed_off_by = ?
					WHERE matter_no = ?
					""")
				.params(rating >= 4, rating, note, now(), enteredBy, matterNo)
				.update();
		}
		else {
			// A rejection reopens the matter: the completion is void and handling starts over under a new promise.
			jdbc.sql("""
					UPDATE matter SET satisfied = FALSE, rating = ?, sign_off_note = ?, completed_at = NULL, on_time = NULL,
					  rework_count = rework_count + 1 WHERE matter_no = ?
					""")
				.params(rating, note, matterNo)
				.update();
		}
		String who = RESIDENT_HIMSELF.equals(enteredBy) ? "（委托人本人经短信验证码确认）" : "（代办员录入）";
		addEvent(matterNo, confirmed ? "SIGNED_OFF" : "REJECTED", enteredBy,
				(confirmed ? "委托人签字确认" : "委托人不认可，退回重办") + who + "，评价 " + rating + " 星"
						+ (note == null || note.isBlank() ? "" : "：" + note));
	}

	public void close(String matterNo) {
		ClosingReason reason = ClosingReason.ofOutcome(find(matterNo).map(MatterRecord::outcome).orElse(null));
		jdbc.sql("UPDATE matter SET status = ?, closed_at = ?, closing_reason = ? WHERE matter_no = ?")
			.params(MatterStatus.CLOSED.name(), now(), reason.name(), matterNo)
			.update();
		addEvent(matterNo, "CLOSED", null, "办结归档（" + reason.label() + "）");
	}

	public void withdraw(String matterNo, String actor, String reason) {
		jdbc.sql("UPDATE matter SET status = ?, withdrawal_reason = ?, closed_at = ?, closing_reason = ? WHERE matter_no = ?")
			.params(MatterStatus.WITHDRAWN.name(), reason, now(), ClosingReason.WITHDRAWN.name(), matterNo)
			.update();
		addEvent(matterNo, "WITHDRAWN", actor, "委托人撤回：" + reason);
	}

	/** 终止: the matter ends here, with the reason the township center or supervision office gave. */
	public void terminate(String matterNo, String actor, ClosingReason closingReason, String reason) {
		jdbc.sql("UPDATE matter SET status = ?, closed_at = ?, closing_reason = ? WHERE matter_no = ?")
			.params(MatterStatus.TERMINATED.name(), now(), closingReason.name(), matterNo)
			.update();
		addEvent(matterNo, "TERMINATED", actor, closingReason.label() + "，终止办理：" + reason);
	}

	/** 中止: the clock stands until {@link #resume}. */
	public void pause(String matterNo, String actor, String reason) {
		jdbc.sql("UPDATE matter SET status = ? WHERE matter_no = ?").params(MatterStatus.PAUSED.name(), matterNo).update();
		addEvent(matterNo, "PAUSED", actor, "中止办理：" + reason);
	}

	/** 续办: handling goes on under the due instant the remaining working time gives. */
	public void resume(String matterNo, String actor, OffsetDateTime dueAt, String detail) {
		jdbc.sql("UPDATE matter SET status = ?, due_at = ? WHERE matter_no = ?")
			.params(MatterStatus.HANDLING.name(), dueAt, matterNo)
			.update();
		addEvent(matterNo, "RESUMED", actor, "续办，承诺时限顺延至 " + MINUTES.format(dueAt.atZoneSameInstant(zone))
				+ (detail == null || detail.isBlank() ? "" : "：" + detail));
	}

	/** 转办: another unit handles the matter, under the same due instant. */
	public void transfer(String matterNo, String actor, String fromGroup, String toGroup, String reason) {
		jdbc.sql("UPDATE matter SET handling_group = ?, status = ? WHERE matter_no = ?")
			.params(toGroup, MatterStatus.HANDLING.name(), matterNo)
			.update();
		addEvent(matterNo, "TRANSFERRED", actor, "由 " + fromGroup + " 转办至 " + toGroup + "，承诺时限不变：" + reason);
	}

	/** An approved extension (延期): the promise moves to {@code dueAt}. */
	public void extend(String matterNo, String actor, OffsetDateTime dueAt, String detail) {
		jdbc.sql("UPDATE matter SET due_at = ? WHERE matter_no = ?").params(dueAt, matterNo).update();
		addEvent(matterNo, "EXTENSION_APPROVED", actor, "批准延期，承诺时限顺延至 "
				+ MINUTES.format(dueAt.atZoneSameInstant(zone)) + (detail == null || detail.isBlank() ? "" : "：" + detail));
	}

	public void addEvent(String matterNo, String kind, String actor, String detail) {
		jdbc.sql("INSERT INTO matter_event (matter_no, occurred_at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)")
			.params(matterNo, now(), kind, actor, detail == null ? null : abbreviate(detail, 2000))
			.update();
	}

	public Optional<MatterRecord> find(String matterNo) {
		return jdbc.sql(SELECT + "WHERE matter_no = ?")
			.param(matterNo)
			.query(RecordRows.of(MatterRecord.class))
			.optional();
	}

	public List<TimelineEntry> timeline(String matterNo) {
		return jdbc.sql("SELECT occurred_at, kind, actor, detail FROM matter_event WHERE matter_no = ? ORDER BY occurred_at, id")
			.param(matterNo)
			.query(RecordRows.of(TimelineEntry.class))
			.list();
	}

	/** Ledger rows of one village accepted within [from, to). */
	public List<MatterRecord> ofVillage(String villageCode, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql(SELECT + "WHERE village_code = ? AND accepted_at >= ? AND accepted_at < ? ORDER BY accepted_at")
			.params(villageCode, from, to)
			.query(RecordRows.of(MatterRecord.class))
			.list();
	}

	/** Ledger rows of one township accepted within [from, to). */
	public List<MatterRecord> ofTownship(String townshipCode, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql(SELECT + "WHERE township_code = ? AND accepted_at >= ? AND accepted_at < ? ORDER BY accepted_at")
			.params(townshipCode, from, to)
			.query(RecordRows.of(MatterRecord.class))
			.list();
	}

	/** Every rating given to matters of one township accepted within [from, to). */
	public List<MatterRating> ratingsOfTownship(String townshipCode, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("""
				SELECT r.matter_no, r.rating, r.satisfied, r.confirmed FROM matter_rating r
				JOIN matter m ON m.matter_no = r.matter_no
				WHERE m.township_code = ? AND m.accepted_at >= ? AND m.accepted_at < ?
				""")
			.params(townshipCode, from, to)
			.query(RecordRows.of(MatterRating.class))
			.list();
	}

	/** How many of a township's matters ended within [from, to) for each closing reason; every reason is present. */
	public java.util.Map<ClosingReason, Integer> closingReasonCounts(String townshipCode, OffsetDateTime from,
			OffsetDateTime to) {
		java.util.Map<ClosingReason, Integer> counts = new java.util.EnumMap<>(ClosingReason.class);
		for (ClosingReason reason : ClosingReason.values()) {
			counts.put(reason, 0);
		}
		jdbc.sql("""
				SELECT closing_reason, COUNT(*) FROM matter WHERE township_code = ? AND closed_at >= ? AND closed_at < ?
				  AND closing_reason IS NOT NULL GROUP BY closing_reason
				""")
			.params(townshipCode, from, to)
			.query((rs, row) -> java.util.Map.entry(ClosingReason.valueOf(rs.getString(1)), rs.getInt(2)))
			.list()
			.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	private static void require(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidMatterException(field, "必填：" + field);
		}
	}

	private static String abbreviate(String value) {
		return abbreviate(value, 40);
	}

	private static String abbreviate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max) + "…";
	}

	static String outcomeLabel(String outcome) {
		if (outcome == null) {
			return "已办理";
		}
		for (MatterOutcome known : MatterOutcome.values()) {
			if (known.name().equals(outcome)) {
				return known.label();
			}
		}
		return outcome;
	}

	public record ValidatedDraft(MatterDraft draft, Village village, ServiceItem item, Resident resident) {
	}

}
