package com.daiban.worklist.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters of the organisation. Queries use the engine's stored-query expressions
 * ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}, {@code dateTime()}), which Camunda evaluates for
 * the user running the filter, so one filter serves every village or township.
 * <p>
 * Who reads which filter, by group type: village agents work the sign-off and supply-materials tasks of their village
 * (我的任务, 本村待办); township and city clerks work the handling tasks under the one-day / one-week promise
 * (我的任务, 本单位待办, 今日到期, 已超时) and township clerks verify real-name complaints (投诉待核实); the
 * supervision office follows lateness (我的任务, 本单位待办 for its 督办 tasks, 已超时). Analysts and administrators
 * work no tasks. A filter only narrows a list: the engine's task authorizations still decide which tasks appear, so a
 * township never sees another township's work through a shared filter.
 */
@Component
class WorklistFilters {

	static final String VILLAGE = "VILLAGE";

	static final String TOWNSHIP = "TOWNSHIP";

	static final String CITY = "CITY";

	static final String SUPERVISION = "SUPERVISION";

	static final String MY_TASKS = "我的任务";

	static final String VILLAGE_QUEUE = "本村待办";

	static final String UNIT_QUEUE = "本单位待办";

	static final String DUE_TODAY = "今日到期";

	static final String OVERDUE = "已超时";

	static final String COMPLAINTS_TO_VERIFY = "投诉待核实";

	static final String COMPLAINT_PROCESS = "complaint";

	static final String VERIFY_COMPLAINT_TASK = "Task_VerifyComplaint";

	private static final String MY_GROUPS = "${currentUserGroups()}";

	private final FilterService filterService;

	private final TaskService taskService;

	WorklistFilters(FilterService filterService, TaskService taskService) {
		this.filterService = filterService;
		this.taskService = taskService;
	}

	List<SharedFilter> definitions() {
		List<SharedFilter> filters = new ArrayList<>();
		filters.add(new SharedFilter(MY_TASKS, "已认领、由我办理的任务", -10, "#1f6fb2",
				query().taskAssigneeExpression("${currentUser()}"), Set.of(VILLAGE, TOWNSHIP, CITY, SUPERVISION)));
		filters.add(new SharedFilter(VILLAGE_QUEUE, "本村代办点尚未认领的任务（答复签字、补充材料）", -5, "#2e8b57",
				query().taskCandidateGroupInExpression(MY_GROUPS).taskUnassigned(), Set.of(VILLAGE)));
		filters.add(new SharedFilter(UNIT_QUEUE, "本中心（督查办）尚未认领的任务", -5, "#2e8b57",
				query().taskCandidateGroupInExpression(MY_GROUPS).taskUnassigned(), Set.of(TOWNSHIP, CITY, SUPERVISION)));
		// Due today runs from local midnight to the next: the JVM zone must be the organisation's (Asia/Shanghai).
		filters.add(new SharedFilter(DUE_TODAY, "今天到期、尚未办结的任务", 0, "#d98c00",
				query().taskCandidateGroupInExpression(MY_GROUPS)
					.includeAssignedTasks()
					.dueAfterExpression("${dateTime().withTimeAtStartOfDay()}")
					.dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1)}"),
				Set.of(TOWNSHIP, CITY)));
		filters.add(new SharedFilter(OVERDUE, "已超过限时办结承诺的任务", 5, "#c0392b",
				query().dueBeforeExpression("${now()}"), Set.of(TOWNSHIP, CITY, SUPERVISION)));
		filters.add(new SharedFilter(COMPLAINTS_TO_VERIFY, "实名投诉，待核实处理", 10, "#8e44ad",
				query().processDefinitionKey(COMPLAINT_PROCESS)
					.taskDefinitionKey(VERIFY_COMPLAINT_TASK)
					.taskCandidateGroupInExpression(MY_GROUPS)
					.includeAssignedTasks(),
				Set.of(TOWNSHIP)));
		return filters;
	}

	/** Every list is sorted by due date, earliest promise first; tasks without a due date come last. */
	private TaskQuery query() {
		return taskService.createTaskQuery().orderByDueDate().asc();
	}

	/** Creates the filter, or brings an existing one of the same name and owner up to date: never a duplicate. */
	Filter ensure(SharedFilter definition, String owner) {
		Filter filter = filterService.createFilterQuery()
			.filterResourceType("Task")
			.filterName(definition.name())
			.filterOwner(owner)
			.singleResult();
		if (filter == null) {
			filter = filterService.newTaskFilter(definition.name());
			filter.setOwner(owner);
		}
		filter.setQuery(definition.query());
		filter.setProperties(properties(definition));
		return filterService.saveFilter(filter);
	}

	private static Map<String, Object> properties(SharedFilter definition) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", definition.description());
		properties.put("priority", definition.priority());
		properties.put("color", definition.color());
		properties.put("refresh", true);
		properties.put("showUndefinedVariable", false);
		properties.put("variables", List.of(variable("matterNo", "事项编号"), variable("serviceItemName", "服务事项"),
				variable("residentName", "委托人")));
		return properties;
	}

	private static Map<String, String> variable(String name, String label) {
		Map<String, String> variable = new LinkedHashMap<>();
		variable.put("name", name);
		variable.put("label", label);
		return variable;
	}

}
