package com.daiban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query of Tasklist answers exactly what the engine's own statement answers, on PostgreSQL where
 * {@link TaskQueryPlugin} replaces it (on H2 both sides are the engine's statement).
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
	}

	@Test
	void shouldAnswerEveryTasklistShapeAsTheEngineStatementDoes() {
		Map<String, Supplier<TaskQuery>> queries = new HashMap<>();
		queries.put("group filter, first page", () -> taskService.createTaskQuery()
			.taskCandidateGroupIn(CLERK_GROUPS)
			.includeAssignedTasks()
			.orderByDueDate()
			.asc());
		queries.put("one group, unassigned, newest first", () -> taskService.createTaskQuery()
			.taskCandidateGroup("township-T01")
			.orderByTaskCreateTime()
			.desc()
			.orderByTaskId()
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
				assertThat(ids(asClerk, query.getValue(), 2, 3)).as(what + ", a page").isEqualTo(ours.subList(2, 5));
				assertThat(count(asClerk, query.getValue())).as(what + ", count").isEqualTo(ours.size());
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
	void shouldReplaceTheEngineStatementOnPostgresOnly() {
		String statement = configuration.getDbSqlSessionFactory().mapStatement(TaskQueryPlugin.ENGINE_STATEMENT);
		if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
			assertThat(statement).isEqualTo(TaskQueryPlugin.STATEMENT);
			assertThat(sql(taskService.createTaskQuery().taskCandidateGroup("township-T01").orderByDueDate().asc()))
				.doesNotContainIgnoringCase("distinct")
				.containsIgnoringCase("RES.ID_ in");
			assertThat(sql(taskService.createTaskQuery()
				.taskCandidateGroup("township-T01")
				.orderByTaskVariable("rank", ValueType.STRING)
				.asc())).containsIgnoringCase("select distinct");
			assertThat(configuration.getSqlSessionFactory().getConfiguration().getMappedStatement(statement).getFetchSize())
				.isPositive();
		}
		else {
			assertThat(statement).isEqualTo(TaskQueryPlugin.ENGINE_STATEMENT);
		}
	}

	private String sql(TaskQuery query) {
		return configuration.getSqlSessionFactory()
			.getConfiguration()
			.getMappedStatement(TaskQueryPlugin.STATEMENT)
			.getBoundSql((TaskQueryImpl) query)
			.getSql();
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
		DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
		Map<String, String> ours = sessions.getStatementMappings();
		Map<String, String> engine = ours == null ? new HashMap<>() : new HashMap<>(ours);
		engine.remove(TaskQueryPlugin.ENGINE_STATEMENT);
		sessions.setStatementMappings(engine);
		try {
			return work.get();
		}
		finally {
			sessions.setStatementMappings(ours);
		}
	}

}
