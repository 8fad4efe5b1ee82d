package com.daiban.matter.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.matter.MatterNotFoundException;
import com.daiban.matter.MatterRecord;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Township;
import com.daiban.organisation.Village;
import com.daiban.input.PhoneNumber;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What agents and clerks read about matters from Tasklist: the matters in progress, a search by number or resident,
 * and the promise slip the resident takes home. Scoped like every domain read: only the matters the caller may see.
 */
@RestController
@RequestMapping("/api/matters")
class MatterFollowUpController {

	static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private final MatterSearch search;

	private final ServiceCatalogue catalogue;

	private final Organisation organisation;

	private final CallerScope callers;

	private final TaskService taskService;

	private final PromiseSlip slip;

	private final Clock clock;

	MatterFollowUpController(MatterSearch search, ServiceCatalogue catalogue, Organisation organisation,
			CallerScope callers, TaskService taskService, PromiseSlip slip, Clock clock) {
		this.search = search;
		this.catalogue = catalogue;
		this.organisation = organisation;
		this.callers = callers;
		this.taskService = taskService;
		this.slip = slip;
		this.clock = clock;
	}

	/**
	 * {@code ?q=} a matter number or the start of a resident's name; {@code ?open=true} only matters in progress
	 * (本村在办事项 for an agent, the unit's for a clerk); {@code ?processInstanceId=} the matter Tasklist just started.
	 * At most {@value MatterSearch#LIMIT}, newest first.
	 */
	@GetMapping
	List<MatterSummary> find(@RequestParam(name = "q", required = false) String text,
			@RequestParam(name = "open", defaultValue = "false") boolean openOnly,
			@RequestParam(name = "processInstanceId", required = false) String processInstanceId) {
		Caller caller = callers.current();
		if (text != null && text.length() > 64) {
			throw new com.daiban.web.InvalidInputException("q", "查找内容不超过64字");
		}
		List<MatterRecord> matters = processInstanceId != null ? search.byInstance(caller, processInstanceId)
				: search.find(caller, text, openOnly);
		Map<String, String> tasks = openTasks(matters);
		Map<String, ServiceItem> items = catalogue.items().stream()
			.collect(Collectors.toMap(ServiceItem::code, Function.identity()));
		Map<String, Village> villages = organisation.villages().stream()
			.collect(Collectors.toMap(Village::code, Function.identity()));
		OffsetDateTime now = OffsetDateTime.now(clock);
		return matters.stream().map(m -> MatterSummary.of(m, items.get(m.serviceItemCode()),
				villages.get(m.villageCode()), tasks.get(m.processInstanceId()), now)).toList();
	}

	@GetMapping(path = "/{matterNo}/promise-slip.html", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	String promiseSlip(@PathVariable String matterNo) {
		Caller caller = callers.current();
		MatterRecord matter = search.byNumber(caller, matterNo).orElseThrow(() -> new MatterNotFoundException(matterNo));
		ServiceItem item = catalogue.find(matter.serviceItemCode()).orElse(null);
		Village village = organisation.findVillage(matter.villageCode()).orElse(null);
		Township township = organisation.findTownship(matter.townshipCode()).orElse(null);
		return slip.render(matter, item, village, township);
	}

	/** The open task of each matter that the caller may see (the engine's task authorizations decide). */
	private Map<String, String> openTasks(List<MatterRecord> matters) {
		String[] instances = matters.stream()
			.map(MatterRecord::processInstanceId)
			.filter(java.util.Objects::nonNull)
			.toArray(String[]::new);
		if (instances.length == 0) {
			return Map.of();
		}
		return taskService.createTaskQuery()
			.processInstanceIdIn(instances)
			.list()
			.stream()
			.collect(Collectors.toMap(Task::getProcessInstanceId, Task::getId, (first, second) -> first));
	}

	record MatterSummary(String matterNo, String serviceItemName, String residentName, String villageCode,
			String villageName, String townshipCode,
			String status, String statusLabel, OffsetDateTime acceptedAt, OffsetDateTime dueAt, String dueText,
			String timeLeft, boolean overdue, String agentName, String agentPhone, boolean smsReachable, String taskId,
			String promiseSlip) {

		static MatterSummary of(MatterRecord m, ServiceItem item, Village village, String taskId, OffsetDateTime now) {
			return new MatterSummary(m.matterNo(), item == null ? m.serviceItemCode() : item.name(), m.residentName(),
					m.villageCode(), village == null ? m.villageCode() : village.name(), m.townshipCode(),
					m.status().name(), m.status().label(),
					m.acceptedAt(), m.dueAt(),
					m.dueAt() == null ? null : DAY_AND_TIME.format(m.dueAt().atZoneSameInstant(now.toZonedDateTime().getZone())),
					m.dueAt() == null || m.completedAt() != null ? null : MatterFollowUpController.timeLeft(now, m.dueAt()), m.overdue(now),
					m.agentName(), m.agentPhone(), PhoneNumber.isMobile(m.residentPhone()), taskId,
					"/api/matters/" + m.matterNo() + "/promise-slip.html");
		}

	}

	/** "剩 5 小时 20 分" or "已超时 1 天 3 小时", to the minute. */
	static String timeLeft(OffsetDateTime now, OffsetDateTime due) {
		Duration left = Duration.between(now, due);
		boolean late = left.isNegative();
		Duration span = left.abs();
		long days = span.toDays();
		long hours = span.toHoursPart();
		long minutes = span.toMinutesPart();
		String text = days > 0 ? days + " 天 " + hours + " 小时" : hours > 0 ? hours + " 小时 " + minutes + " 分"
				: minutes + " 分";
		return late ? "已超时 " + text : "剩 " + text;
	}

}
