package com.daiban.dashboard.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.negativelist.NegativeListReason;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.negativelist.NegativeList;
import com.daiban.notification.SentNotices;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Village;
import com.daiban.web.InvalidInputException;
import com.daiban.web.NotFoundException;
import com.daiban.input.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A matter's whole story for the supervision workspace, open or closed: its ledger row, timeline, negative-list marks
 * and the notices sent, with codes in Chinese and the resident's phone masked. Found by matter number or by the
 * process instance Cockpit shows.
 */
@RestController
@RequestMapping("/api/dashboard/story")
class StoryController {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern GROUP = Pattern.compile("(?:township|village|supervision)-[A-Za-z0-9]+|city-center");

	private static final Pattern LIMIT = Pattern.compile("\\bP\\d+D\\b");

	private final MatterLedger ledger;

	private final NegativeList negativeList;

	private final SentNotices notices;

	private final Organisation organisation;

	private final ServiceCatalogue catalogue;

	private final CallerScope callers;

	private final DashboardQueries queries;

	private final JdbcClient jdbc;

	StoryController(MatterLedger ledger, NegativeList negativeList, SentNotices notices, Organisation organisation,
			ServiceCatalogue catalogue, CallerScope callers, DashboardQueries queries, JdbcClient jdbc) {
		this.ledger = ledger;
		this.negativeList = negativeList;
		this.notices = notices;
		this.organisation = organisation;
		this.catalogue = catalogue;
		this.callers = callers;
		this.queries = queries;
		this.jdbc = jdbc;
	}

	@GetMapping
	Story story(@RequestParam(required = false) String matterNo,
			@RequestParam(required = false) String processInstanceId) {
		Caller caller = callers.current();
		String number = matterNo;
		if (number == null || number.isBlank()) {
			if (processInstanceId == null || processInstanceId.isBlank()) {
				throw new InvalidInputException("matterNo", "请提供事项编号 matterNo 或流程实例 processInstanceId");
			}
			number = jdbc.sql("SELECT matter_no FROM matter WHERE process_instance_id = ?")
				.param(processInstanceId)
				.query(String.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("该流程实例不是代办事项：" + abbreviate(processInstanceId)));
		}
		String no = number;
		MatterRecord m = ledger.find(no)
			.filter(found -> caller.maySee(found.villageCode(), found.townshipCode(), found.handlingGroup())
					|| caller.isCityCenter())
			.orElseThrow(() -> new NotFoundException("没有可查看的事项：" + abbreviate(no)));
		OffsetDateTime now = queries.now();
		boolean overdue = m.overdue(now) && m.completedAt() == null && m.closedAt() == null;
		Ledger row = new Ledger(m.matterNo(), Labels.status(m.status().name(), overdue), m.status().name(), overdue,
				organisation.findVillage(m.villageCode()).map(Village::name).orElse(m.villageCode()),
				catalogue.find(m.serviceItemCode()).map(ServiceItem::name).orElse(m.serviceItemCode()), channel(m.channel()),
				m.residentName(), PhoneNumber.masked(m.residentPhone()), m.description(),
				m.agentName() == null ? m.agentId() : m.agentName(), m.agentPhone(),
				Labels.unit(m.handlingGroup(), organisation), m.handlerId(), limit(m.timeLimit()), m.acceptedAt(),
				m.dueAt(), m.completedAt(), m.onTime() == null ? "" : (m.onTime() ? "按时" : "超时"), m.reply(),
				m.signedOffAt(), m.rating(), m.satisfied() == null ? "" : (m.satisfied() ? "满意" : "不满意"),
				m.reworkCount(), m.withdrawalReason(), m.closedAt(), m.closedAt() == null ? m.processInstanceId() : null);
		List<Step> timeline = ledger.timeline(no).stream()
			.map(t -> new Step(t.occurredAt(), t.kind(), Labels.event(t.kind()), t.actor(), readable(t.detail())))
			.toList();
		List<Mark> marks = negativeList.ofMatter(no).stream()
			.map(e -> new Mark(e.recordedAt(), e.reason().label(), Labels.unit(e.responsibleUnit(), organisation),
					e.detail(), e.status().label(), e.reviewedBy(), e.reviewNote()))
			.toList();
		List<Notice> sent = notices.ofMatter(no).stream()
			.map(n -> new Notice(n.sentAt(), Labels.channel(n.channel()), maskPhones(n.recipient()), n.subject(),
					maskPhones(n.body())))
			.toList();
		return new Story(row, timeline, marks, sent);
	}

	/** Timeline texts name groups and limits by code (township-T01, P1D): shown by their names. */
	private String readable(String detail) {
		if (detail == null) {
			return null;
		}
		String named = GROUP.matcher(maskPhones(detail)).replaceAll(g -> Labels.unit(g.group(), organisation));
		return LIMIT.matcher(named).replaceAll(l -> limit(l.group()));
	}

	private static String maskPhones(String text) {
		return text == null ? null : MOBILE.matcher(text).replaceAll(r -> PhoneNumber.masked(r.group()));
	}

	private static String channel(String channel) {
		return switch (channel) {
			case "OFFICE" -> "定点代办";
			case "HOME" -> "上门代办";
			case "PHONE" -> "电话预约";
			default -> channel;
		};
	}

	private static String limit(String timeLimit) {
		if (timeLimit == null) {
			return "";
		}
		return switch (timeLimit) {
			case "P1D" -> "1个工作日";
			case "P7D" -> "1周";
			default -> timeLimit;
		};
	}

	private static String abbreviate(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}

	record Ledger(String matterNo, String statusLabel, String status, boolean overdue, String village,
			String serviceItem, String channel, String residentName, String residentPhone, String description,
			String agent, String agentPhone, String handlingUnit, String handlerId, String timeLimit,
			OffsetDateTime acceptedAt, OffsetDateTime dueAt, OffsetDateTime completedAt, String onTime, String reply,
			OffsetDateTime signedOffAt, Integer rating, String satisfaction, int reworkCount, String withdrawalReason,
			OffsetDateTime closedAt, String processInstanceId) {
	}

	record Step(OffsetDateTime occurredAt, String kind, String label, String actor, String detail) {
	}

	record Mark(OffsetDateTime recordedAt, String reason, String responsibleUnit, String detail, String status,
			String reviewedBy, String reviewNote) {
	}

	record Notice(OffsetDateTime sentAt, String channel, String recipient, String subject, String body) {
	}

	record Story(Ledger matter, List<Step> timeline, List<Mark> negativeList, List<Notice> notices) {
	}

}
