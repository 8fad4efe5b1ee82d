package com.daiban.complaint;

import static com.daiban.complaint.ComplaintProcess.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.daiban.identity.Caller;
import com.daiban.input.PhoneNumber;
import com.daiban.input.PlainText;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Village;
import com.daiban.records.DailyCounters;
import com.daiban.records.RecordRows;
import com.daiban.web.InvalidInputException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Real-name complaints (实名投诉): filing starts a complaint process; its delegates write each step here. The table is
 * what the monthly inspection and the year-end assessment count.
 */
@Service
public class Complaints {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final JdbcClient jdbc;

	private final Organisation organisation;

	private final MatterLedger ledger;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final DailyCounters counters;

	private final Clock clock;

	Complaints(JdbcClient jdbc, Organisation organisation, MatterLedger ledger, RuntimeService runtimeService,
			IdentityService identityService, DailyCounters counters, Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.ledger = ledger;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.counters = counters;
		this.clock = clock;
	}

	/**
	 * Files a complaint for anyone authenticated: the domain rule is that every resident may complain through any
	 * member of staff, so the engine's per-group start permission is not what decides here.
	 */
	@Transactional
	public String file(ComplaintDraft draft, Caller caller) {
		validate(draft);
		Map<String, Object> variables = new HashMap<>();
		variables.put(MATTER_NO, blankToNull(draft.matterNo()));
		variables.put(VILLAGE_CODE, draft.villageCode());
		variables.put(KIND, draft.kind() == null ? null : draft.kind().name());
		variables.put(COMPLAINANT_NAME, draft.complainantName());
		variables.put(COMPLAINANT_PHONE, draft.complainantPhone());
		variables.put(CONTENT, draft.content());
		variables.put(FILED_BY, caller.userId());
		Authentication authentication = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(KEY)
				.setVariables(variables)
				.executeWithVariablesInReturn();
			return (String) instance.getVariables().get(COMPLAINT_NO);
		}
		finally {
			if (authentication != null) {
				identityService.setAuthentication(authentication);
			}
		}
	}

	/** Checks a draft against the organisation and the ledger; the field named in the exception is the culprit. */
	public Validated validate(ComplaintDraft draft) {
		require("villageCode", draft.villageCode());
		require("complainant.name", draft.complainantName());
		require("complainant.phone", draft.complainantPhone());
		require("content", draft.content());
		if (draft.complainantName().length() > 64 || !PlainText.Validator.isPlain(draft.complainantName())) {
			throw new InvalidInputException("complainant.name", "投诉人姓名不超过64字，且不能包含特殊字符");
		}
		if (!PhoneNumber.isValid(draft.complainantPhone())) {
			throw new InvalidInputException("complainant.phone", "联系电话格式不正确（手机号11位或固定电话）");
		}
		if (draft.content().length() > 2000 || !PlainText.Validator.isPlain(draft.content())) {
			throw new InvalidInputException("content", "投诉内容不超过2000字，且不能包含特殊字符");
		}
		Village village = organisation.findVillage(draft.villageCode())
			.orElseThrow(() -> new InvalidInputException("villageCode", "未知的村代码"));
		MatterRecord matter = null;
		String matterNo = blankToNull(draft.matterNo());
		if (matterNo != null) {
			matter = ledger.find(matterNo)
				.orElseThrow(() -> new InvalidInputException("matterNo", "未知的事项编号"));
			if (!matter.villageCode().equals(village.code())) {
				throw new InvalidInputException("matterNo", "该事项不属于所选的村");
			}
		}
		ComplaintKind kind = draft.kind() != null ? draft.kind() : matter != null ? ComplaintKind.MATTER : ComplaintKind.CONDUCT;
		return new Validated(draft, village, matter, kind);
	}

	/** Numbers the complaint and writes its row; called by the process's first step. */
	public String register(Validated validated, String filedBy, String processInstanceId) {
		String townshipCode = validated.village().townshipCode();
		String complaintNo = nextComplaintNo(townshipCode);
		ComplaintDraft draft = validated.draft();
		jdbc.sql("""
				INSERT INTO complaint (complaint_no, matter_no, village_code, township_code, complaint_kind,
				  complainant_name, complainant_phone, content, filed_by, filed_at, status, process_instance_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(complaintNo, validated.matter() == null ? null : validated.matter().matterNo(),
					validated.village().code(), townshipCode, validated.kind().name(), draft.complainantName(),
					draft.complainantPhone(), draft.content(), filedBy, now(), ComplaintStatus.FILED.name(),
					processInstanceId)
			.update();
		return complaintNo;
	}

	public void recordVerificationDue(String complaintNo, OffsetDateTime dueAt) {
		jdbc.sql("UPDATE complaint SET verification_due_at = ? WHERE complaint_no = ?").params(dueAt, complaintNo).update();
	}

	public void recordVerification(String complaintNo, boolean verified, String severity, String note, String accountability,
			String verifiedBy, OffsetDateTime rectificationDueAt) {
		jdbc.sql("""
				UPDATE complaint SET verified = ?, severity = ?, verification_note = ?, accountability_note = ?,
				  verified_by = ?, verified_at = ?, rectification_due_at = ?, status = ? WHERE complaint_no = ?
				""")
			.params(verified, verified ? severity : null, note, accountability, verifiedBy, now(), rectificationDueAt,
					(verified ? ComplaintStatus.VERIFIED : ComplaintStatus.NOT_VERIFIED).name(), complaintNo)
			.update();
	}

	public void recordRectification(String complaintNo, String note, String rectifiedBy) {
		jdbc.sql("UPDATE complaint SET rectification_note = ?, rectified_by = ?, rectified_at = ?, status = ? WHERE complaint_no = ?")
			.params(note, rectifiedBy, now(), ComplaintStatus.RECTIFIED.name(), complaintNo)
			.update();
	}

	public void recordCallback(String complaintNo, String satisfaction, String note, String callbackBy) {
		jdbc.sql("""
				UPDATE complaint SET satisfaction = ?, callback_note = ?, callback_by = ?, callback_at = ?, status = ?
				WHERE complaint_no = ?
				""")
			.params(satisfaction, note, callbackBy, now(), ComplaintStatus.CLOSED.name(), complaintNo)
			.update();
	}

	public Optional<ComplaintRecord> find(String complaintNo) {
		return jdbc.sql("SELECT * FROM complaint WHERE complaint_no = ?")
			.param(complaintNo)
			.query(RecordRows.of(ComplaintRecord.class))
			.optional();
	}

	/** Complaints of a township filed within [from, to). */
	public List<ComplaintRecord> ofTownship(String townshipCode, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("SELECT * FROM complaint WHERE township_code = ? AND filed_at >= ? AND filed_at < ? ORDER BY filed_at")
			.params(townshipCode, from, to)
			.query(RecordRows.of(ComplaintRecord.class))
			.list();
	}

	/** All complaints filed within [from, to). */
	public List<ComplaintRecord> filedBetween(OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("SELECT * FROM complaint WHERE filed_at >= ? AND filed_at < ? ORDER BY filed_at")
			.params(from, to)
			.query(RecordRows.of(ComplaintRecord.class))
			.list();
	}

	private String nextComplaintNo(String townshipCode) {
		String day = OffsetDateTime.now(clock).atZoneSameInstant(clock.getZone()).format(DAY);
		return "TS-%s-%s-%03d".formatted(townshipCode, day, counters.next("complaint_number_counter", townshipCode, day));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	private static void require(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "必填：" + field);
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	public record Validated(ComplaintDraft draft, Village village, MatterRecord matter, ComplaintKind kind) {
	}

}
