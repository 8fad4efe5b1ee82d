package com.daiban.handling.internal;

import static com.daiban.matter.ProxyMatterProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.deadline.WorkingCalendar;
import com.daiban.identity.Caller;
import com.daiban.identity.Groups;
import com.daiban.identity.SystemActions;
import com.daiban.matter.ClosingReason;
import com.daiban.matter.InvalidMatterException;
import com.daiban.matter.MatterForbiddenException;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterNotFoundException;
import com.daiban.matter.MatterRecord;
import com.daiban.matter.MatterStatus;
import com.daiban.organisation.Organisation;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clock operations of the domain API. Each checks who the caller is (403, nothing changed) and what state the
 * matter is in (409, nothing changed) first, then writes the ledger and moves the matter's instance, in one
 * transaction with the engine; the engine is driven as the system, since the caller's right was checked here.
 */
@Service
class MatterOperations {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Set<MatterStatus> OPEN_FOR_URGING = Set.of(MatterStatus.HANDLING, MatterStatus.PAUSED,
			MatterStatus.ACCEPTED);

	private final MatterLedger ledger;

	private final HandlingLog log;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final DecisionService decisionService;

	private final SystemActions system;

	private final WorkingCalendar calendar;

	private final Organisation organisation;

	private final ServiceCatalogue catalogue;

	private final HandlingProperties properties;

	private final Clock clock;

	MatterOperations(MatterLedger ledger, HandlingLog log, RuntimeService runtimeService, TaskService taskService,
			DecisionService decisionService, SystemActions system, WorkingCalendar calendar, Organisation organisation,
			ServiceCatalogue catalogue, HandlingProperties properties, Clock clock) {
		this.ledger = ledger;
		this.log = log;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.decisionService = decisionService;
		this.system = system;
		this.calendar = calendar;
		this.organisation = organisation;
		this.catalogue = catalogue;
		this.properties = properties;
		this.clock = clock;
	}

	/** 中止: the handling task and its timers stop; the remaining working time is kept for {@link #resume}. */
	@Transactional
	public void pause(String matterNo, String reason, Caller caller) {
		MatterRecord matter = matter(matterNo);
		requireHandlingUnit(matter, caller, "中止");
		requireHandling(matter, "中止");
		if (log.extensions(matterNo).stream().anyMatch(HandlingLog.Extension::pending)) {
			throw new HandlingConflictException("延期申请尚待督查办审批，审批后才能中止：" + matterNo);
		}
		Instant now = clock.instant();
		Instant dueAt = matter.dueAt().toInstant();
		if (!dueAt.isAfter(now)) {
			throw new HandlingConflictException("事项已超过承诺时限，不能再中止计时：" + matterNo);
		}
		Date remindAt = system.run(() -> (Date) runtimeService.getVariable(matter.processInstanceId(), REMIND_AT));
		Duration untilReminder = remindAt != null && remindAt.toInstant().isAfter(now)
				? calendar.workingTimeBetween(matter.townshipCode(), now, remindAt.toInstant()) : null;
		int count = log.pause(matterNo, matter.townshipCode(), matter.handlingGroup(), caller.userId(), reason,
				matter.dueAt(), calendar.workingTimeBetween(matter.townshipCode(), now, dueAt), untilReminder);
		ledger.pause(matterNo, caller.userId(), reason);
		correlate(PAUSE_MESSAGE, matterNo, Map.of("pauseCount", count, "pauseReason", reason, "pausedBy", caller.userId()));
	}

	/** 续办: completes the unit's Task_ResumeMatter, whose next step gives the clock its remaining working time back. */
	@Transactional
	public void resume(String matterNo, String note, Caller caller) {
		MatterRecord matter = matter(matterNo);
		requireHandlingUnit(matter, caller, "续办");
		if (matter.status() != MatterStatus.PAUSED) {
			throw new HandlingConflictException("事项未中止，不能续办：" + matterNo);
		}
		Task task = task(matter, "Task_ResumeMatter");
		if (task == null) {
			throw new HandlingConflictException("事项当前没有待续办的任务：" + matterNo);
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("resumedBy", caller.userId());
		variables.put("resumeNote", note);
		system.run(() -> {
			taskService.complete(task.getId(), variables);
			return null;
		});
	}

	/**
	 * 转办: the matter goes to {@code toUnit}, or where the routing decision sends it when none is named; the due
	 * instant stands.
	 */
	@Transactional
	public String transfer(String matterNo, String toUnit, String reason, Caller caller) {
		MatterRecord matter = matter(matterNo);
		if (!caller.isAdmin() && !caller.groupIds().contains(matter.handlingGroup())
				&& !caller.supervisedTownships().contains(matter.townshipCode())) {
			throw new MatterForbiddenException("只有当前办理单位或本镇督查办可以转办此事项");
		}
		requireHandling(matter, "转办");
		String target = toUnit == null || toUnit.isBlank() ? routedUnit(matter) : toUnit.trim();
		if (!isHandlingUnit(target)) {
			throw new InvalidMatterException("toUnit", "接收单位必须是 city-center、township-镇代码 或 village-村代码：" + abbreviate(target));
		}
		if (target.equals(matter.handlingGroup())) {
			throw new HandlingConflictException((toUnit == null || toUnit.isBlank() ? "分流规则仍指向当前办理单位，请指定接收单位："
					: "事项已由该单位办理：") + target);
		}
		int count = (int) ledger.timeline(matterNo).stream().filter(e -> "TRANSFERRED".equals(e.kind())).count() + 1;
		correlate(TRANSFER_MESSAGE, matterNo, Map.of("transferTo", target, "transferReason", reason, "transferredBy",
				caller.userId(), "transferCount", count));
		return target;
	}

	/** 延期: asks the township supervision office for more working days (Task_ApproveExtension). */
	@Transactional
	public void requestExtension(String matterNo, int workingDays, String reason, Caller caller) {
		MatterRecord matter = matter(matterNo);
		requireHandlingUnit(matter, caller, "申请延期");
		if (workingDays < 1 || workingDays > properties.maxExtensionDays()) {
			throw new InvalidMatterException("workingDays", "延长的工作日数应为 1 到 " + properties.maxExtensionDays() + " 天");
		}
		requireHandling(matter, "申请延期");
		if (!matter.dueAt().toInstant().isAfter(clock.instant())) {
			throw new HandlingConflictException("事项已超过承诺时限，不能再申请延期：" + matterNo);
		}
		List<HandlingLog.Extension> extensions = log.extensions(matterNo);
		if (extensions.stream().anyMatch(HandlingLog.Extension::pending)) {
			throw new HandlingConflictException("已有延期申请待督查办审批：" + matterNo);
		}
		List<HandlingLog.Extension> approved = extensions.stream().filter(e -> Boolean.TRUE.equals(e.approved())).toList();
		if (!approved.isEmpty() && !Boolean.TRUE.equals(approved.get(approved.size() - 1).allowFurther())) {
			throw new HandlingConflictException("事项已延期一次，督查办未允许再次延期：" + matterNo);
		}
		int count = log.requestExtension(matterNo, caller.userId(), workingDays, reason);
		ledger.addEvent(matterNo, "EXTENSION_REQUESTED", caller.userId(), "申请延期 " + workingDays + " 个工作日：" + reason);
		Instant decisionDue = calendar.plusWorkingDays(matter.townshipCode(), clock.instant(), properties.extensionDecisionDays());
		correlate(EXTENSION_MESSAGE, matterNo, Map.of("extensionWorkingDays", workingDays, "extensionReason", reason,
				"extensionRequestedBy", caller.userId(), "extensionRequestCount", count, "extensionDecisionDue",
				Date.from(decisionDue)));
	}

	/** 终止: by the township's center or supervision office; every open task and timer of the matter ends. */
	@Transactional
	public void terminate(String matterNo, String reason, ClosingReason closingReason, Caller caller) {
		MatterRecord matter = matter(matterNo);
		if (!caller.isAdmin() && !caller.townships().contains(matter.townshipCode())
				&& !caller.supervisedTownships().contains(matter.townshipCode())) {
			throw new MatterForbiddenException("只有本镇便民服务中心或督查办可以终止事项");
		}
		if (closingReason != ClosingReason.TERMINATED && closingReason != ClosingReason.DUPLICATE) {
			throw new InvalidMatterException("closingReason", "终止原因类别只能是 TERMINATED（终止）或 DUPLICATE（重复事项）");
		}
		if (matter.ended()) {
			throw new HandlingConflictException("事项已结束，不能终止：" + matterNo);
		}
		correlate(TERMINATION_MESSAGE, matterNo, Map.of("terminationReason", reason, "closingReason", closingReason.name(),
				"terminatedBy", caller.userId()));
	}

	/** 催办: a notice to the handling unit now, at most once per {@code daiban.handling.urge-interval}. */
	@Transactional
	public void urge(String matterNo, String note, Caller caller) {
		MatterRecord matter = matter(matterNo);
		if (!caller.isAdmin() && !caller.villages().contains(matter.villageCode())
				&& !caller.supervisedTownships().contains(matter.townshipCode())) {
			throw new MatterForbiddenException("只有本镇督查办或本村代办员可以催办此事项");
		}
		if (!OPEN_FOR_URGING.contains(matter.status())) {
			throw new HandlingConflictException("事项不在办理中，无需催办：" + matterNo);
		}
		log.lastUrge(matterNo).map(last -> last.toInstant().plus(properties.urgeInterval())).ifPresent(next -> {
			if (next.isAfter(clock.instant())) {
				throw new HandlingConflictException("刚催办过，请于 " + MINUTES.format(next.atZone(ZoneId.systemDefault()))
						+ " 之后再催办：" + matterNo);
			}
		});
		int count = log.urge(matterNo, caller.userId(), note);
		ledger.addEvent(matterNo, "URGED", caller.userId(), "第 " + count + " 次催办" + (note == null || note.isBlank() ? "" : "：" + note));
		Map<String, Object> variables = new HashMap<>();
		variables.put("urgeCount", count);
		variables.put("urgeNote", note == null ? "" : note);
		correlate(URGE_MESSAGE, matterNo, variables);
	}

	private MatterRecord matter(String matterNo) {
		return ledger.find(matterNo).orElseThrow(() -> new MatterNotFoundException(matterNo));
	}

	private static void requireHandlingUnit(MatterRecord matter, Caller caller, String operation) {
		if (!caller.isAdmin() && !caller.groupIds().contains(matter.handlingGroup())) {
			throw new MatterForbiddenException("只有当前办理单位可以" + operation + "此事项");
		}
	}

	private void requireHandling(MatterRecord matter, String operation) {
		if (matter.status() != MatterStatus.HANDLING || task(matter, HANDLING_TASK) == null) {
			throw new HandlingConflictException("事项当前不在办理中（" + matter.status().label() + "），不能" + operation + "："
					+ matter.matterNo());
		}
	}

	private Task task(MatterRecord matter, String key) {
		return system.run(() -> taskService.createTaskQuery()
			.processInstanceId(matter.processInstanceId())
			.taskDefinitionKey(key)
			.singleResult());
	}

	private void correlate(String message, String matterNo, Map<String, Object> variables) {
		system.run(() -> runtimeService.createMessageCorrelation(message)
			.processInstanceBusinessKey(matterNo)
			.setVariables(variables)
			.correlateWithResult());
	}

	/** Where the routing decision sends the matter now (its rows may have changed since it was accepted). */
	private String routedUnit(MatterRecord matter) {
		ServiceItem item = catalogue.find(matter.serviceItemCode())
			.orElseThrow(() -> new HandlingConflictException("服务事项已不在服务目录中，请指定接收单位"));
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("category", item.categoryCode());
		inputs.put("itemLevel", item.level());
		inputs.put("mode", item.mode());
		inputs.put(CHANNEL, matter.channel());
		inputs.put(VILLAGE_CODE, matter.villageCode());
		inputs.put(TOWNSHIP_CODE, matter.townshipCode());
		return system.run(() -> (String) decisionService.evaluateDecisionTableByKey("matter-routing")
			.variables(inputs)
			.evaluate()
			.getSingleResult()
			.getEntry(HANDLING_GROUP));
	}

	private boolean isHandlingUnit(String group) {
		return Groups.CITY_CENTER.equals(group)
				|| organisation.townships().stream().anyMatch(t -> Groups.township(t.code()).equals(group))
				|| organisation.villages().stream().anyMatch(v -> Groups.village(v.code()).equals(group));
	}

	private static String abbreviate(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "…";
	}

}
