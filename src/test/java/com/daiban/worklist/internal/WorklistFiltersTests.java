package com.daiban.worklist.internal;

import static com.daiban.worklist.internal.WorklistFilters.COMPLAINTS_TO_VERIFY;
import static com.daiban.worklist.internal.WorklistFilters.DUE_TODAY;
import static com.daiban.worklist.internal.WorklistFilters.MY_TASKS;
import static com.daiban.worklist.internal.WorklistFilters.OVERDUE;
import static com.daiban.worklist.internal.WorklistFilters.UNIT_QUEUE;
import static com.daiban.worklist.internal.WorklistFilters.VILLAGE_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DaibanSpringBootTest
class WorklistFiltersTests {

	@Autowired
	FilterService filterService;

	@Autowired
	IdentityService identityService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	WorklistSetup setup;

	@AfterEach
	void forgetUser() {
		identityService.clearAuthentication();
	}

	@Test
	void eachGroupSeesOnlyTheFiltersMeantForIt() {
		assertThat(filterNamesSeenBy("agent-v01-a")).containsExactlyInAnyOrder(MY_TASKS, VILLAGE_QUEUE);
		assertThat(filterNamesSeenBy("clerk-t01")).containsExactlyInAnyOrder(MY_TASKS, UNIT_QUEUE, DUE_TODAY, OVERDUE,
				COMPLAINTS_TO_VERIFY);
		assertThat(filterNamesSeenBy("clerk-t02")).containsExactlyInAnyOrder(MY_TASKS, UNIT_QUEUE, DUE_TODAY, OVERDUE,
				COMPLAINTS_TO_VERIFY);
		assertThat(filterNamesSeenBy("clerk-city")).containsExactlyInAnyOrder(MY_TASKS, UNIT_QUEUE, DUE_TODAY, OVERDUE);
		assertThat(filterNamesSeenBy("supervisor-t01")).containsExactlyInAnyOrder(MY_TASKS, UNIT_QUEUE, OVERDUE);
		assertThat(filterNamesSeenBy("analyst")).isEmpty();
	}

	@Test
	void filtersListTheTasksOfTheUserRunningThem() {
		ProcessInstance matter = acceptTownshipMatterInV01();
		Task handling = taskService.createTaskQuery()
			.processInstanceId(matter.getId())
			.taskDefinitionKey("Task_HandleMatter")
			.singleResult();

		assertThat(taskIds("clerk-t01", UNIT_QUEUE)).contains(handling.getId());
		assertThat(taskIds("clerk-t02", UNIT_QUEUE)).doesNotContain(handling.getId());
		assertThat(taskIds("agent-v01-a", VILLAGE_QUEUE)).doesNotContain(handling.getId());
		assertThat(taskIds("clerk-t01", MY_TASKS)).doesNotContain(handling.getId());

		taskService.claim(handling.getId(), "clerk-t01");
		assertThat(taskIds("clerk-t01", MY_TASKS)).contains(handling.getId());
		assertThat(taskIds("clerk-t01", UNIT_QUEUE)).doesNotContain(handling.getId());

		ZoneId zone = ZoneId.systemDefault();
		taskService.setDueDate(handling.getId(), Date.from(LocalDate.now(zone).atTime(12, 0).atZone(zone).toInstant()));
		assertThat(taskIds("clerk-t01", DUE_TODAY)).contains(handling.getId());
		assertThat(taskIds("clerk-t02", DUE_TODAY)).doesNotContain(handling.getId());

		taskService.setDueDate(handling.getId(), Date.from(ZonedDateTime.now(zone).minusDays(2).toInstant()));
		assertThat(taskIds("clerk-t01", OVERDUE)).contains(handling.getId());
		assertThat(taskIds("clerk-t02", OVERDUE)).doesNotContain(handling.getId());
		assertThat(taskIds("clerk-t01", DUE_TODAY)).doesNotContain(handling.getId());

		taskService.complete(handling.getId(), Map.of("outcome", "DONE", "reply", "已办理完毕，请到村代办点领取。"));
		Task signOff = taskService.createTaskQuery()
			.processInstanceId(matter.getId())
			.taskDefinitionKey("Task_ConfirmSignOff")
			.singleResult();
		assertThat(taskIds("agent-v01-a", VILLAGE_QUEUE)).contains(signOff.getId());
		assertThat(taskIds("agent-v01-b", VILLAGE_QUEUE)).contains(signOff.getId());
		assertThat(taskIds("agent-v02-a", VILLAGE_QUEUE)).doesNotContain(signOff.getId());
	}

	@Test
	void startingTwiceNeitherDuplicatesFiltersNorTheirGrants() {
		setup.run(null);
		setup.run(null);

		for (String name : List.of(MY_TASKS, VILLAGE_QUEUE, UNIT_QUEUE, DUE_TODAY, OVERDUE, COMPLAINTS_TO_VERIFY)) {
			List<Filter> filters = filterService.createFilterQuery().filterName(name).list();
			assertThat(filters).as(name).hasSize(1);
			assertThat(filters.get(0).getOwner()).isEqualTo("admin");
			assertThat(authorizationService.createAuthorizationQuery()
				.resourceType(Resources.FILTER)
				.resourceId(filters.get(0).getId())
				.groupIdIn("township-T01")
				.count()).as(name).isLessThanOrEqualTo(1);
		}
		Filter myTasks = filterService.createFilterQuery().filterName(MY_TASKS).singleResult();
		assertThat(myTasks.getProperties()).containsEntry("showUndefinedVariable", false);
		assertThat(myTasks.getProperties().get("variables").toString()).contains("matterNo", "serviceItemName",
				"residentName", "事项编号");
	}

	private ProcessInstance acceptTownshipMatterInV01() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("villageCode", "V01");
		variables.put("serviceItemCode", "MZ-001");
		variables.put("channel", "OFFICE");
		variables.put("residentName", "张秀英");
		variables.put("residentPhone", "13800001111");
		variables.put("description", "申请最低生活保障，材料齐全。");
		return as("agent-v01-a", () -> runtimeService.startProcessInstanceByKey("proxy-matter", variables));
	}

	private List<String> filterNamesSeenBy(String userId) {
		return as(userId, () -> filterService.createFilterQuery().list().stream().map(Filter::getName).toList());
	}

	private List<String> taskIds(String userId, String filterName) {
		String filterId = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
		List<String> ids = as(userId, () -> filterService.<Task>list(filterId).stream().map(Task::getId).toList());
		// the number Tasklist shows beside the filter, which TaskQueryPlugin counts its own way on PostgreSQL
		assertThat(as(userId, () -> filterService.count(filterId))).as("count of %s for %s", filterName, userId)
			.isEqualTo(ids.size());
		return ids;
	}

	private <T> T as(String userId, Supplier<T> action) {
		List<String> groups = identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		identityService.setAuthentication(userId, groups);
		try {
			return action.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
