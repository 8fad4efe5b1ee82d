package com.daiban.resident.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.daiban.complaint.ComplaintDraft;
import com.daiban.complaint.ComplaintRecord;
import com.daiban.complaint.Complaints;
import com.daiban.matter.MatterLedger;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Village;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real-name complaints from the public page: the resident proves the phone with a one-time code, the complaint goes to
 * the township center's complaint process (not through the agent), and the resident looks it up like a matter.
 */
@Component
class ComplaintDesk {

	private final Complaints complaints;

	private final MatterLedger ledger;

	private final Organisation organisation;

	private final OneTimeCodes codes;

	private final Throttle throttle;

	private final TransactionTemplate transaction;

	ComplaintDesk(Complaints complaints, MatterLedger ledger, Organisation organisation, OneTimeCodes codes,
			Throttle throttle, PlatformTransactionManager transactions) {
		this.complaints = complaints;
		this.ledger = ledger;
		this.organisation = organisation;
		this.codes = codes;
		this.throttle = throttle;
		this.transaction = new TransactionTemplate(transactions);
	}

	record ComplaintView(String complaintNo, String status, String statusLabel, String village, String matterNo,
			OffsetDateTime filedAt, OffsetDateTime verificationDueAt, OffsetDateTime rectificationDueAt,
			List<PublicTimeline.Step> timeline) {
	}

	MatterDesk.CodeSent sendCode(String phone, String client) {
		transaction.executeWithoutResult(status -> codes.issue(OneTimeCodes.Purpose.COMPLAINT, phone, null, phone, "实名投诉",
				Throttle.client(client)));
		return new MatterDesk.CodeSent("尾号 " + phone.substring(phone.length() - 4), (int) codes.validity().toMinutes());
	}

	String file(String name, String phone, String code, String villageCode, String matterNo, String content) {
		Village village = organisation.findVillage(villageCode)
			.orElseThrow(() -> PublicRefusal.invalid("villageCode", "请选择您所在的村"));
		String number = matterNo == null || matterNo.isBlank() ? null : matterNo.trim().toUpperCase();
		// a matter named in the complaint must be the complainant's own: else nobody could tell numbers that exist
		if (number != null && ledger.find(number)
			.filter(m -> phone.equals(m.residentPhone()) && m.villageCode().equals(village.code()))
			.isEmpty()) {
			throw PublicRefusal.invalid("matterNo", "事项编号与您的手机号或所选的村不符，可不填事项编号");
		}
		codes.use(OneTimeCodes.Purpose.COMPLAINT, phone, code);
		return complaints.fileByResident(new ComplaintDraft(number, village.code(), null, name, phone, content));
	}

	ComplaintView lookUp(String complaintNo, String phoneLast4, String client) {
		String number = complaintNo.trim().toUpperCase();
		String clientKey = Throttle.client(client);
		String numberKey = Throttle.number(number);
		throttle.check(clientKey, numberKey);
		ComplaintRecord c = complaints.find(number)
			.filter(found -> found.complainantPhone() != null && found.complainantPhone().endsWith(phoneLast4))
			.orElseThrow(() -> {
				throttle.failed(clientKey, numberKey);
				return PublicRefusal.noMatch();
			});
		String village = organisation.findVillage(c.villageCode()).map(Village::name).orElse(c.villageCode());
		return new ComplaintView(c.complaintNo(), c.status(), statusLabel(c.status()), village, c.matterNo(), c.filedAt(),
				c.verificationDueAt(), c.rectificationDueAt(), steps(c));
	}

	private static List<PublicTimeline.Step> steps(ComplaintRecord c) {
		List<PublicTimeline.Step> steps = new ArrayList<>();
		steps.add(new PublicTimeline.Step(c.filedAt(), "收到您的实名投诉，由镇便民服务中心核实"));
		if (c.verifiedAt() != null) {
			steps.add(new PublicTimeline.Step(c.verifiedAt(), Boolean.TRUE.equals(c.verified())
					? "经核实投诉属实，已追究责任并责令限期整改" : "经核实投诉不属实，已短信答复您理由"));
		}
		if (c.rectifiedAt() != null) {
			steps.add(new PublicTimeline.Step(c.rectifiedAt(), "整改已完成"));
		}
		if (c.callbackAt() != null) {
			steps.add(new PublicTimeline.Step(c.callbackAt(), "已回访您，投诉办结"));
		}
		return steps;
	}

	private static String statusLabel(String status) {
		return switch (status) {
			case "FILED" -> "核实中";
			case "VERIFIED" -> "属实，整改中";
			case "NOT_VERIFIED" -> "不属实，待回访";
			case "RECTIFIED" -> "已整改，待回访";
			case "CLOSED" -> "已办结";
			default -> "处理中";
		};
	}

}
