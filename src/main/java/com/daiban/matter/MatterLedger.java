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
import com.daiban.input.PhoneNumber;
import com.daiban.input.PlainText;
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
		require("resident.name", draft.residentName());
		require("description", draft.description());
		if (draft.residentName().length() > 64 || !PlainText.Validator.isPlain(draft.residentName())) {
			throw new InvalidMatterException("resident.name", "委托人姓名不超过64字，且不能包含特殊字符");
		}
		if (!PhoneNumber.isValid(draft.residentPhone())) {
			throw new InvalidMatterException("resident.phone", "联系电话格式不正确（手机号11位或固定电话）");
		}
		if (draft.description().length() > 2000 || !PlainText.Validator.isPlain(draft.description())) {
			throw new InvalidMatterException("description", "事项说明不超过2000字，且不能包含特殊字符");
		}
		Village village = organisation.findVillage(draft.villageCode())
			.orElseThrow(() -> new InvalidMatterException("villageCode", "未知的村代码：" + abbreviate(draft.villageCode())));
		ServiceItem item = catalogue.find(draft.serviceItemCode())
			.orElseThrow(() -> new InvalidMatterException("serviceItemCode",
					"未知的服务事项：" + abbreviate(draft.serviceItemCode())));
		return new ValidatedDraft(draft, village, item);
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
					draft.channel().name(), draft.residentName(), draft.residentPhone(), draft.description(),
					agent.userId(), agent.name(), agent.phone(), now, MatterStatus.ACCEPTED.name(), processInstanceId)
			.update();
		addEvent(matterNo, "ACCEPTED", agent.userId(), channelLabel(draft.channel()) + "受理：" + validated.item().name());
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
		boolean returned = "MATERIALS_MISSING".equals(outcome);
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

	public void recordSignOff(String matterNo, String agentId, boolean confirmed, int rating, String note) {
		if (confirmed) {
			jdbc.sql("UPDATE matter SET satisfied = ?, rating = ?, sign_off_note = ?, signed_off_at = ? WHERE matter_no = ?")
				.params(rating >= 4, rating, note, now(), matterNo)
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
		addEvent(matterNo, confirmed ? "SIGNED_OFF" : "REJECTED", agentId,
				(confirmed ? "委托人签字确认" : "委托人不认可，退回重办") + "，评价 " + rating + " 星" + (note == null || note.isBlank() ? "" : "：" + note));
	}

	public void close(String matterNo) {
		jdbc.sql("UPDATE matter SET status = ?, closed_at = ? WHERE matter_no = ?")
			.params(MatterStatus.CLOSED.name(), now(), matterNo)
			.update();
		addEvent(matterNo, "CLOSED", null, "办结归档");
	}

	public void withdraw(String matterNo, String actor, String reason) {
		jdbc.sql("UPDATE matter SET status = ?, withdrawal_reason = ?, closed_at = ? WHERE matter_no = ?")
			.params(MatterStatus.WITHDRAWN.name(), reason, now(), matterNo)
			.update();
		addEvent(matterNo, "WITHDRAWN", actor, "委托人撤回：" + reason);
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

	static String channelLabel(Channel channel) {
		return switch (channel) {
			case OFFICE -> "定点";
			case HOME -> "上门";
			case PHONE -> "电话预约";
		};
	}

	static String outcomeLabel(String outcome) {
		if (outcome == null) {
			return "已办理";
		}
		return switch (outcome) {
			case "DONE" -> "已办结";
			case "MATERIALS_MISSING" -> "材料不全，退回代办员补充";
			case "NOT_RESPONSIBLE" -> "非本单位职责";
			case "CANNOT_BE_DONE" -> "无法办理";
			default -> outcome;
		};
	}

	public record ValidatedDraft(MatterDraft draft, Village village, ServiceItem item) {
	}

}
