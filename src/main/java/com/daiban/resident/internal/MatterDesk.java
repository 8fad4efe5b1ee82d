package com.daiban.resident.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.identity.PublicDirectory;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.matter.MatterStatus;
import com.daiban.matter.TimelineEntry;
import com.daiban.signoff.SignOff;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident's matter by its number and the last four digits of the phone on it: the look-up, the one-time code for
 * the sign-off, and the sign-off itself. A wrong number and a wrong phone are one and the same answer, and count
 * against the client and the number alike.
 */
@Component
class MatterDesk {

	private final MatterLedger ledger;

	private final ServiceCatalogue catalogue;

	private final PublicDirectory directory;

	private final SignOff signOff;

	private final Throttle throttle;

	private final OneTimeCodes codes;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ViewTraces traces;

	/** Item and unit names change rarely; every look-up needs them. */
	private final ShortMemory names;

	MatterDesk(MatterLedger ledger, ServiceCatalogue catalogue, PublicDirectory directory, SignOff signOff,
			Throttle throttle, OneTimeCodes codes, Clock clock, PlatformTransactionManager transactions,
			ViewTraces traces) {
		this.ledger = ledger;
		this.catalogue = catalogue;
		this.directory = directory;
		this.signOff = signOff;
		this.throttle = throttle;
		this.codes = codes;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.traces = traces;
		this.names = new ShortMemory(clock, java.time.Duration.ofMinutes(5));
	}

	record Agent(String name, String phone) {
	}

	record MatterView(String matterNo, String status, String statusLabel, String serviceItem, String unit,
			OffsetDateTime acceptedAt, OffsetDateTime dueAt, boolean overdue, Agent agent, boolean awaitingSignOff,
			Integer rating, List<PublicTimeline.Step> timeline) {
	}

	record CodeSent(String sentTo, int validMinutes) {
	}

	MatterView lookUp(String matterNo, String phoneLast4, String client) {
		MatterRecord matter = matching(matterNo, phoneLast4, client);
		List<TimelineEntry> timeline = ledger.timeline(matter.matterNo());
		OffsetDateTime now = OffsetDateTime.now(clock);
		// a resident checking again and again leaves one trace per half hour, not one per tap; the answer does not
		// wait for that write to reach the disk
		if (!PublicTimeline.viewedSince(timeline, now.minusMinutes(30))) {
			traces.record(matter.matterNo());
		}
		String item = names.get("item:" + matter.serviceItemCode(),
				() -> catalogue.find(matter.serviceItemCode()).map(ServiceItem::name).orElse(matter.serviceItemCode()));
		String unit = matter.handlingGroup() == null ? null
				: names.get("group:" + matter.handlingGroup(), () -> directory.groupName(matter.handlingGroup()));
		return new MatterView(matter.matterNo(), matter.status().name(), statusLabel(matter, now), item, unit,
				matter.acceptedAt(), matter.dueAt(), matter.overdue(now), new Agent(matter.agentName(), matter.agentPhone()),
				matter.status() == MatterStatus.REPLIED && signOff.isWaiting(matter.processInstanceId()),
				matter.signedOffAt() == null ? null : matter.rating(), PublicTimeline.of(timeline));
	}

	CodeSent sendSignOffCode(String matterNo, String phoneLast4, String client) {
		MatterRecord matter = matching(matterNo, phoneLast4, client);
		requireWaiting(matter);
		transaction.executeWithoutResult(status -> {
			codes.issue(OneTimeCodes.Purpose.SIGN_OFF, matter.matterNo(), matter.matterNo(), matter.residentPhone(),
					"签字确认事项 " + matter.matterNo(), Throttle.client(client));
			ledger.addEvent(matter.matterNo(), PublicTimeline.CODE_SENT, MatterLedger.RESIDENT_HIMSELF,
					"向委托人手机（尾号 " + phoneLast4 + "）发送签字验证码");
		});
		return new CodeSent("尾号 " + phoneLast4, (int) codes.validity().toMinutes());
	}

	/** Completes the sign-off; without a transaction of its own, so that an agent's earlier entry is a polite 409. */
	String signOff(String matterNo, String phoneLast4, String code, boolean confirmed, int rating, String comment,
			String client) {
		MatterRecord matter = matching(matterNo, phoneLast4, client);
		requireWaiting(matter);
		codes.use(OneTimeCodes.Purpose.SIGN_OFF, matter.matterNo(), code);
		if (!signOff.completeByResident(matter.processInstanceId(), confirmed, rating, comment)) {
			throw alreadySigned();
		}
		return confirmed ? "已签字确认，感谢您的评价" : "已记录您的意见，事项将退回重新办理，并重新承诺办结时限";
	}

	private void requireWaiting(MatterRecord matter) {
		if (matter.status() != MatterStatus.REPLIED || !signOff.isWaiting(matter.processInstanceId())) {
			throw alreadySigned();
		}
	}

	private static PublicRefusal alreadySigned() {
		return new PublicRefusal(HttpStatus.CONFLICT, "该事项现在无需签字确认（可能代办员已为您办理签字确认），请刷新查看最新进度");
	}

	private MatterRecord matching(String matterNo, String phoneLast4, String client) {
		String number = matterNo.trim().toUpperCase();
		String clientKey = Throttle.client(client);
		String numberKey = Throttle.number(number);
		throttle.check(clientKey, numberKey);
		return ledger.find(number)
			.filter(m -> m.residentPhone() != null && m.residentPhone().endsWith(phoneLast4))
			.orElseThrow(() -> {
				throttle.failed(clientKey, numberKey);
				return PublicRefusal.noMatch();
			});
	}

	private static String statusLabel(MatterRecord matter, OffsetDateTime now) {
		String label = switch (matter.status()) {
			case ACCEPTED -> "已受理";
			case HANDLING -> "办理中";
			case RETURNED -> "材料待补充";
			case REPLIED -> matter.signedOffAt() == null ? "已答复，待您签字确认" : "已签字确认";
			case CLOSED -> "已办结";
			case WITHDRAWN -> "已撤回";
			case PAUSED -> "已中止，暂停计时（等待补正材料或检验、鉴定等）";
			case TERMINATED -> "已终止";
			default -> "办理中";
		};
		return matter.overdue(now) && matter.completedAt() == null ? label + "（已超过承诺时限，已转督查办督办）" : label;
	}

}
