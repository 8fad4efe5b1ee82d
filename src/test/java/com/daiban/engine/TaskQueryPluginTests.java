package com.daiban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's task queries answer exactly what the engine's own statement answers, on PostgreSQL where
 * {@link TaskQueryPlugin} runs a semi-join for a queue of the person's own groups (on H2 both sides are the engine's).
 */
@DaibanSpringBootTest
class TaskQueryPluginTests {

	private static final String CLERK = "clerk-t01";

	private static final List<String> CLERK_GROUPS = List.of("township-T01", "clerks-extra");

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	RepositoryService repositoryService;

	private ProcessEngineConfigurationImpl configuration;

	@BeforeEach
	void createTasks() {
		configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
		if (taskService.createTaskQuery().taskNameLike("查询样本%").count() > 0) {
			return;
		}
		Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int i = 0; i < 24; i++) {
			Task task = taskService.newTask("sample-task-" + i);
			task.setName((i % 2 == 0 ? "查询样本" : "查询样本-") + (char) ('a' + (i * 7) % 24));
			task.setDueDate(Date.from(base.plus(24 - i, ChronoUnit.HOURS)));
			task.setAssignee(i % 5 == 0 ? CLERK : null);
			taskService.saveTask(task);
			String group = switch (i % 3) {
				case 0 -> "township-T01";
				case 1 -> "township-T02";
				default -> "city-center";
			};
			taskService.addCandidateGroup(task.getId(), group);
			if (i % 4 == 0) {
				// a task the clerk may take through two groups and by name: each link and grant would repeat it in a join
				taskService.addCandidateGroup(task.getId(), "clerks-extra");
				taskService.addCandidateUser(task.getId(), CLERK);
			}
			taskService.setVariableLocal(task.getId(), "rank", "r" + ((i * 5) % 24 + 10));
		}
		// another tenant's task in the clerk's group: the tenant check leaves it out for the clerk, who has no tenant
		Task foreign = taskService.newTask("sample-task-tenant");
		foreign.setName("另一租户的任务");
		foreign.setTenantId("tenant-elsewhere");
		foreign.setDueDate(Date.from(base.plus(12, ChronoUnit.HOURS).plusSeconds(1)));
		taskService.saveTask(foreign);
		taskService.addCandidateGroup(foreign.getId(), "township-T01");
	}

	@Test
	void shouldAnswerEveryTasklistShapeAsTheEngineStatementDoes() {
		// a process definition's candidate starter is a candidate link of the group too, without a task
		String definition = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("proxy-matter")
			.latestVersion()
			.singleResult()
			.getId();
		repositoryService.addCandidateStarterGroup(definition, "township-T01");
		try {
			answerEveryShapeAsTheEngineStatementDoes();
		}
		finally {
			repositoryService.deleteCandidateStarterGroup(definition, "township-T01");
		}
	}

	private void answerEveryShapeAsTheEngineStatementDoes() {
		Map<String, Supplier<TaskQuery>> queries = new HashMap<>();
		queries.put("group filter, first page", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.includeAssignedTasks()
			.orderByDueDate()
			.asc());
		queries.put("unit queue: the groups, unclaimed", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.taskUnassigned()
			.orderByDueDate()
			.asc());
		queries.put("due within a day, claimed ones too", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.includeAssignedTasks()
			.dueBefore(Date.from(Instant.now().plus(12, ChronoUnit.HOURS)))
			.orderByDueDate()
			.asc());
		// bounds that equal two tasks' due dates (of sample-task-6 and -18, both in the clerk's group): both are exclusive
		Instant base = taskService.createTaskQuery().taskId("sample-task-0").singleResult().getDueDate().toInstant()
			.minus(24, ChronoUnit.HOURS);
		queries.put("due today, claimed ones too", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.includeAssignedTasks()
			.dueAfter(Date.from(base.plus(6, ChronoUnit.HOURS)))
			.dueBefore(Date.from(base.plus(18, ChronoUnit.HOURS)))
			.orderByDueDate()
			.asc());
		queries.put("unit queue due within a day, unclaimed", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.taskUnassigned()
			.dueBefore(Date.from(base.plus(18, ChronoUnit.HOURS)))
			.orderByDueDate()
			.asc());
		queries.put("one group, unassigned, newest first", () -> taskService.createTaskQuery()
			.taskCandidateGroup("township-T01")
			.orderByTaskCreateTime()
			.desc()
			.orderByTaskId()
			.asc());
		queries.put("candidate user: by name or through the user's groups", () -> taskService.createTaskQuery()
			.taskCandidateUser(CLERK)
			.orderByDueDate()
			.asc());
		queries.put("candidate user or assignee", () -> taskService.createTaskQuery()
			.or()
			.taskCandidateUser(CLERK)
			.taskAssignee(CLERK)
			.endOr()
			.orderByDueDate()
			.desc());
		queries.put("name case-insensitive", () -> taskService.createTaskQuery()
			.taskNameLike("查询样本%")
			.orderByTaskNameCaseInsensitive()
			.asc()
			.orderByTaskId()
			.asc());
		queries.put("group filter by name, case-insensitive", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.includeAssignedTasks()
			.orderByTaskNameCaseInsensitive()
			.desc()
			.orderByTaskId()
			.asc());
		queries.put("every task by due date (the engine's shape)", () -> taskService.createTaskQuery()
			.orderByDueDate()
			.asc());
		queries.put("another township's queue (the engine's shape)", () -> taskService.createTaskQuery()
			.taskCandidateGroup("township-T02")
			.includeAssignedTasks()
			.orderByDueDate()
			.asc());
		queries.put("by a task variable (the engine's shape)", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.includeAssignedTasks()
			.orderByTaskVariable("rank", ValueType.STRING)
			.asc());

		for (boolean asClerk : new boolean[] { true, false }) {
			for (Map.Entry<String, Supplier<TaskQuery>> query : queries.entrySet()) {
				List<String> ours = ids(asClerk, query.getValue(), 0, 100);
				List<String> engine = withEngineStatement(() -> ids(asClerk, query.getValue(), 0, 100));
				String what = query.getKey() + (asClerk ? ", as the clerk" : ", without authentication");

				assertThat(ours).as(what).isNotEmpty().doesNotHaveDuplicates().isEqualTo(engine);
				assertThat(ids(asClerk, query.getValue(), 1, 2)).as(what + ", a page")
					.isEqualTo(ours.subList(1, Math.min(3, ours.size())));
				assertThat(count(asClerk, query.getValue())).as(what + ", count")
					.isEqualTo(ours.size())
					.isEqualTo(withEngineStatement(() -> count(asClerk, query.getValue())));
			}
		}
		// the authorization check still applies: the clerk sees the tasks granted to the clerk's groups or the clerk
		assertThat(ids(false, queries.get("name case-insensitive"), 0, 100)).hasSize(24);
		List<String> granted = IntStream.range(0, 24)
			.filter(i -> i % 3 == 0 || i % 4 == 0 || i % 5 == 0)
			.mapToObj(i -> "sample-task-" + i)
			.toList();
		assertThat(ids(true, queries.get("name case-insensitive"), 0, 100)).containsExactlyInAnyOrderElementsOf(granted);
	}

	@Test
	void shouldGrantEveryCandidateGroupReadOnItsTask() {
		// what the count of an own-group queue relies on: a candidate group can read its task without further checks
		Integer unreadable = configuration.getCommandExecutorTxRequired().execute(context -> {
			try (Statement statement = context.getSession(DbSqlSession.class).getSqlSession().getConnection().createStatement();
					ResultSet rows = statement.executeQuery("""
							SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK I
							WHERE I.TYPE_ = 'candidate' AND I.GROUP_ID_ IS NOT NULL AND I.TASK_ID_ IS NOT NULL
							  AND NOT EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A
							    WHERE A.TYPE_ = 1 AND A.GROUP_ID_ = I.GROUP_ID_ AND A.RESOURCE_TYPE_ = 7
							      AND A.RESOURCE_ID_ = I.TASK_ID_ AND MOD(A.PERMS_ / 2, 2) = 1)""")) {
				rows.next();
				return rows.getInt(1);
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		});
		assertThat(taskService.createTaskQuery().taskCandidateGroup("township-T01").count()).isPositive();
		assertThat(unreadable).as("candidate-group links without a READ grant on their task").isZero();
	}

	@Test
	void shouldTakeTheSemiJoinForAQueueOfThePersonsOwnGroupsOnPostgresOnly() {
		TaskManager manager = configuration.getCommandExecutorTxRequired().execute(context -> context.getTaskManager());
		if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
			assertThat(manager).isInstanceOf(TaskQueryPlugin.SemiJoinTaskManager.class);
		}
		else {
			assertThat(manager).isExactlyInstanceOf(TaskManager.class);
		}

		assertThat(TaskQueryPlugin.isOwnGroupQueue(configuredForClerk(taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.includeAssignedTasks()
			.orderByDueDate()
			.asc()))).isTrue();
		assertThat(TaskQueryPlugin.isOwnGroupQueue(configuredForClerk(taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.orderByTaskNameCaseInsensitive()
			.asc()))).as("ordered by the task's name in lower case").isTrue();
		assertThat(TaskQueryPlugin.isOwnGroupQueue(withoutAuthorizationCheck(taskService.createTaskQuery().taskCandidateGroup("city-center"))))
			.isTrue();
		assertThat(TaskQueryPlugin.isOwnGroupQueue(configuredForClerk(taskService.createTaskQuery().taskCandidateGroup("township-T02"))))
			.as("a group the person is not in")
			.isFalse();
		assertThat(TaskQueryPlugin.isOwnGroupQueue(configuredForClerk(taskService.createTaskQuery().orderByDueDate().asc())))
			.as("no group")
			.isFalse();
		assertThat(TaskQueryPlugin.isOwnGroupQueue(configuredForClerk(taskService.createTaskQuery().taskCandidateGroupLike("township%"))))
			.isFalse();
		assertThat(TaskQueryPlugin.isOwnGroupQueue(configuredForClerk(taskService.createTaskQuery()
			.taskCandidateGroup("township-T01")
			.or()
			.taskAssignee(CLERK)
			.endOr()))).as("an or-query").isFalse();
		assertThat(TaskQueryPlugin.isOwnGroupQueue(configuredForClerk(taskService.createTaskQuery()
			.taskCandidateGroup("township-T01")
			.orderByProcessVariable("matterNo", ValueType.STRING)
			.asc()))).as("ordered by a variable").isFalse();
	}

	@Test
	void shouldCountOnTheCandidateLinksAQueueThatAsksForNothingButItsGroupsAndDueDates() {
		if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
			return;
		}
		Date now = new Date();
		Map<String, Supplier<TaskQuery>> queries = new HashMap<>();
		queries.put("groups, claimed ones too",
				() -> taskService.createTaskQuery().taskCandidateGroupIn(CLERK_GROUPS).includeAssignedTasks().orderByDueDate().asc());
		queries.put("groups, unclaimed", () -> taskService.createTaskQuery().taskCandidateGroupIn(CLERK_GROUPS).taskUnassigned());
		queries.put("one group", () -> taskService.createTaskQuery().taskCandidateGroup("township-T01"));
		queries.put("and a due range", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.includeAssignedTasks()
			.dueAfter(now)
			.dueBefore(new Date(now.getTime() + 86_400_000)));
		queries.put("and a due date", () -> taskService.createTaskQuery().taskCandidateGroupIn(CLERK_GROUPS).dueDate(now));
		queries.put("unclaimed, due before", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.taskUnassigned()
			.dueBefore(now));
		queries.put("without a due date", () -> taskService.createTaskQuery().taskCandidateGroupIn(CLERK_GROUPS).withoutDueDate());
		queries.put("due before, of a process", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.dueBefore(now)
			.processDefinitionKey("complaint"));
		queries.put("and a process", () -> taskService.createTaskQuery().taskCandidateGroupIn(CLERK_GROUPS).processDefinitionKey("complaint"));
		queries.put("and a name", () -> taskService.createTaskQuery().taskCandidateGroupIn(CLERK_GROUPS).taskNameLike("办理%"));
		queries.put("claimed ones only",
				() -> taskService.createTaskQuery().taskCandidateGroupIn(CLERK_GROUPS).includeAssignedTasks().taskAssigned());
		Map<String, String> statements = configuration.getCommandExecutorTxRequired().execute(context -> {
			TaskQueryPlugin.SemiJoinTaskManager manager = (TaskQueryPlugin.SemiJoinTaskManager) context.getTaskManager();
			Map<String, String> answers = new HashMap<>();
			queries.forEach((shape, query) -> answers.put(shape, manager.countStatement(configuredForClerk(query.get()))));
			return answers;
		});
		String links = TaskQueryPlugin.LINK_COUNT_STATEMENT;
		String due = TaskQueryPlugin.DUE_COUNT_STATEMENT;
		String fragment = TaskQueryPlugin.OWN_GROUP_COUNT_STATEMENT;
		assertThat(statements).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("groups, claimed ones too", links),
				Map.entry("groups, unclaimed", links), Map.entry("one group", links), Map.entry("and a due range", due),
				Map.entry("and a due date", due), Map.entry("unclaimed, due before", due),
				Map.entry("without a due date", fragment), Map.entry("due before, of a process", fragment),
				Map.entry("and a process", fragment), Map.entry("and a name", fragment),
				Map.entry("claimed ones only", fragment)));
	}

	@Test
	void shouldSendTheTaskCountUnpreparedSoThatPostgresPlansItWithItsParameters() {
		if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
			// named statements and their generic plans are PostgreSQL's: elsewhere the engine's statements run as they are
			assertThat(configuration.getSqlSessionFactory().getConfiguration().getInterceptors())
				.noneMatch(TaskQueryPlugin.CountPlans.class::isInstance);
			return;
		}
		identityService.setAuthentication(CLERK, CLERK_GROUPS);
		try {
			Instant later = Instant.now().plus(2, ChronoUnit.DAYS);
			List<String> prepared = configuration.getCommandExecutorTxRequired().execute(context -> {
				// each run with another due date: MyBatis would answer a repeated query from its session cache
				for (int i = 0; i < 12; i++) {
					Date dueBefore = Date.from(later.plusSeconds(i));
					context.getTaskManager()
						.findTaskCountByQueryCriteria((TaskQueryImpl) taskService.createTaskQuery()
							.taskCandidateGroupIn(CLERK_GROUPS)
							.dueBefore(dueBefore));
					context.getTaskManager()
						.findTasksByQueryCriteria((TaskQueryImpl) taskService.createTaskQuery()
							.taskCandidateGroupIn(CLERK_GROUPS)
							.dueBefore(dueBefore)
							.orderByTaskVariable("rank", ValueType.STRING)
							.asc());
				}
				return preparedStatements(context.getSession(DbSqlSession.class).getSqlSession().getConnection());
			});

			assertThat(prepared).as("the engine's list, run as often, became a named statement")
				.anyMatch(sql -> sql.contains("ACT_RU_TASK RES") && !sql.toLowerCase().contains("count("));
			assertThat(prepared).noneMatch(sql -> sql.contains("ACT_RU_TASK RES") && sql.toLowerCase().contains("count("));
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private static List<String> preparedStatements(Connection connection) {
		List<String> statements = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT statement FROM pg_prepared_statements")) {
			while (rows.next()) {
				statements.add(rows.getString(1));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		return statements;
	}

	/** The query as the engine configures it for the clerk, with authorization checks on. */
	private TaskQueryImpl configuredForClerk(TaskQuery query) {
		TaskQueryImpl configured = (TaskQueryImpl) query;
		configured.getAuthCheck().setAuthorizationCheckEnabled(true);
		configured.getAuthCheck().setAuthUserId(CLERK);
		configured.getAuthCheck().setAuthGroupIds(CLERK_GROUPS);
		return configured;
	}

	private TaskQueryImpl withoutAuthorizationCheck(TaskQuery query) {
		((TaskQueryImpl) query).getAuthCheck().setAuthorizationCheckEnabled(false);
		return (TaskQueryImpl) query;
	}

	private List<String> ids(boolean asClerk, Supplier<TaskQuery> query, int first, int max) {
		return as(asClerk, () -> query.get().listPage(first, max).stream().map(Task::getId).toList());
	}

	private long count(boolean asClerk, Supplier<TaskQuery> query) {
		return as(asClerk, () -> query.get().count());
	}

	private <T> T as(boolean asClerk, Supplier<T> work) {
		if (asClerk) {
			identityService.setAuthentication(CLERK, CLERK_GROUPS);
		}
		try {
			return work.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private <T> T withEngineStatement(Supplier<T> work) {
		Map<Class<?>, SessionFactory> factories = configuration.getSessionFactories();
		SessionFactory ours = factories.get(TaskManager.class);
		factories.put(TaskManager.class, new GenericManagerFactory(TaskManager.class));
		try {
			return work.get();
		}
		finally {
			factories.put(TaskManager.class, ours);
		}
	}

}
