package com.daiban.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.postgresql.PGConnection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, answers the queue of a person's own groups (Tasklist's 本村待办, 本单位待办, 今日到期, 投诉待核实) with
 * the statements in {@code com/daiban/engine/TaskQuery.xml}: the engine's own conditions under a semi-join instead of a
 * {@code SELECT DISTINCT}, so that the first page by due date reads a few index entries instead of sorting every task of
 * the group (docs/performance.md, P3), and counted as distinct ids. The count of such a queue leaves out the per-task
 * grant check, which can only answer yes there ({@link SemiJoinTaskManager#findTaskCountByQueryCriteria}). Every other
 * task query and count and every other database keep the engine's statements.
 * <p>
 * Every count Tasklist asks for with its lists is planned with its parameters each time ({@link CountPlans}).
 */
@Component
@ConditionalOnProperty(name = "daiban.performance.task-query-semi-join", havingValue = "true", matchIfMissing = true)
class TaskQueryPlugin extends AbstractProcessEnginePlugin {

	static final String STATEMENT = "com.daiban.system.TaskQuery.selectTaskByQueryCriteriaSemiJoin";

	private static final String ENGINE_STATEMENT = "selectTaskByQueryCriteria";

	static final String COUNT_STATEMENT = "selectTaskCountByQueryCriteria";

	static final String OWN_GROUP_COUNT_STATEMENT = "com.daiban.system.TaskQuery.selectOwnGroupTaskCount";

	static final String LINK_COUNT_STATEMENT = "com.daiban.system.TaskQuery.selectOwnGroupLinkCount";

	static final String DUE_COUNT_STATEMENT = "com.daiban.system.TaskQuery.selectOwnGroupDueCount";

	private static final Set<String> OUR_COUNT_STATEMENTS = Set.of(OWN_GROUP_COUNT_STATEMENT, LINK_COUNT_STATEMENT,
			DUE_COUNT_STATEMENT);

	private static final String ENGINE_COUNT_ID = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity."
			+ COUNT_STATEMENT;

	private static final String RESOURCE = "com/daiban/engine/TaskQuery.xml";

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
			return;
		}
		Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
		if (!mybatis.hasStatement(STATEMENT, false)) {
			try (InputStream mapper = TaskQueryPlugin.class.getClassLoader().getResourceAsStream(RESOURCE)) {
				if (mapper == null) {
					throw new IllegalStateException(RESOURCE + " is missing from the class path");
				}
				new XMLMapperBuilder(mapper, mybatis, RESOURCE, mybatis.getSqlFragments()).parse();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		if (mybatis.getInterceptors().stream().noneMatch(CountPlans.class::isInstance)) {
			mybatis.addInterceptor(new CountPlans());
		}
		configuration.getSessionFactories().put(TaskManager.class, new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return TaskManager.class;
			}

			@Override
			public Session openSession() {
				return new SemiJoinTaskManager();
			}

		});
	}

	/**
	 * A queue of the person's own groups, sorted by the task's own columns. The identity links narrow it, and the
	 * person's grants on those tasks let the semi-join stop after the page. Any other query keeps the engine's shape,
	 * which reads the person's grants once: walking the due dates and checking each task's grants in turn took 3.4 s
	 * instead of 0.6 s where the person could read none of 200,000 tasks.
	 */
	static boolean isOwnGroupQueue(TaskQueryImpl query) {
		if (query.getQueries().size() != 1 || query.getCandidateGroupLike() != null
				|| query.getOrderingProperties().stream().anyMatch(ordering -> ordering.getRelation() != null)) {
			return false;
		}
		List<String> groups = query.getCandidateGroups();
		if (groups == null || groups.isEmpty()) {
			return false;
		}
		AuthorizationCheck check = query.getAuthCheck();
		// the statements read "shouldPerformAuthorizatioCheck" through its getter, which is this flag and a permission check
		return !check.isAuthorizationCheckEnabled() || check.getAuthUserId() == null
				|| check.getAuthGroupIds() != null && check.getAuthGroupIds().containsAll(groups);
	}

	/**
	 * Sends the engine's task count as an unnamed statement, which PostgreSQL plans with the actual parameters each
	 * time. A named statement gets a generic plan after five runs, and the generic plan of the count guesses that the
	 * person holds a handful of grants (the permission bits are parameters), keeps them in memory and compares every
	 * task of the group with each: 16 s for the 13,334 tasks of a township at 20,000 open tasks, against 1.3 s planned
	 * with the parameters (docs/performance.md, P3).
	 * <p>
	 * The count of a queue by due dates is planned without hash joins and parallel workers, for that statement only.
	 * PostgreSQL 15 costs a parallel hash of the groups' links a little below one merge of the two indexes in task-id
	 * order, and took three times as long: a median of 205 ms against 60 ms where 92,000 of a township's 133,000 tasks
	 * were due today, at 200,000 open; a parallel merge reads every link once per worker (140 ms).
	 * <p>
	 * It intercepts the executor's queries, which MyBatis wraps once per command, and not the preparing of statements:
	 * that was wrapped for every statement of every command and read each one's mapped statement by reflection, which
	 * made our lifecycle cost more CPU than the same lifecycle on stock settings (docs/performance.md, "The task count").
	 */
	@Intercepts(@Signature(type = Executor.class, method = "query",
			args = { MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class }))
	static final class CountPlans implements Interceptor {

		/**
		 * MyBatis offers every handler it creates for a statement (parameters, result set, statement) to each
		 * interceptor, and {@link Plugin#wrap} reads the interceptor's signatures by reflection each time: only the
		 * executor is handed to it.
		 */
		@Override
		public Object plugin(Object target) {
			return target instanceof Executor ? Plugin.wrap(target, this) : target;
		}

		@Override
		public Object intercept(Invocation invocation) throws Throwable {
			MappedStatement mapped = (MappedStatement) invocation.getArgs()[0];
			if (!mapped.getId().endsWith("." + COUNT_STATEMENT) && !OUR_COUNT_STATEMENTS.contains(mapped.getId())) {
				return invocation.proceed();
			}
			// the driver copies the connection's threshold into each statement it prepares from now on
			Connection connection = ((Executor) invocation.getTarget()).getTransaction().getConnection();
			if (!connection.isWrapperFor(PGConnection.class)) {
				return invocation.proceed();
			}
			PGConnection postgres = connection.unwrap(PGConnection.class);
			int threshold = postgres.getPrepareThreshold();
			postgres.setPrepareThreshold(0);
			try {
				if (!DUE_COUNT_STATEMENT.equals(mapped.getId())) {
					return invocation.proceed();
				}
				// LOCAL: should the count fail, the transaction's rollback ends the setting too
				execute(connection, "set local enable_hashjoin = off; set local max_parallel_workers_per_gather = 0");
				Object count = invocation.proceed();
				execute(connection,
						"set local enable_hashjoin to default; set local max_parallel_workers_per_gather to default");
				return count;
			}
			finally {
				postgres.setPrepareThreshold(threshold);
			}
		}

		private static void execute(Connection connection, String sql) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

	}

	static final class SemiJoinTaskManager extends TaskManager {

		private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

		@Override
		@SuppressWarnings("unchecked")
		public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
			configureQuery(query);
			return getDbEntityManager().selectList(isOwnGroupQueue(query) ? STATEMENT : ENGINE_STATEMENT, query);
		}

		/**
		 * In a queue of the person's own groups every task is one the person may read: the engine grants a task's
		 * candidate group READ on the task when it links the group, and no revocation can be stored
		 * ({@link GrantsOnlyAuthorizations}). The count therefore gives the engine's number without joining the
		 * person's grants, which made it compare every task of the township with every grant (0.9 s at 20,000 open
		 * tasks); only a task grant deleted by hand in Admin would be counted and not listed. {@code TaskQueryPluginTests}
		 * checks both halves: the grant per link, and the same counts as the engine's statement. A queue that asks for
		 * nothing but its groups (本村待办, 本单位待办) is counted on the candidate links alone, and one that asks for due
		 * dates too (今日到期) on the links and the tasks' due dates ({@link #asksOnlyForGroupsAndDueDates}): reading the task
		 * table beside them took 180–300 ms at 133,000 tasks of a township.
		 */
		@Override
		public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
			configureQuery(query);
			if (!isOwnGroupQueue(query)) {
				return (Long) getDbEntityManager().selectOne(COUNT_STATEMENT, query);
			}
			AuthorizationCheck check = query.getAuthCheck();
			boolean checked = check.isAuthorizationCheckEnabled();
			check.setAuthorizationCheckEnabled(false);
			try {
				return (Long) getDbEntityManager().selectOne(countStatement(query), query);
			}
			finally {
				check.setAuthorizationCheckEnabled(checked);
			}
		}

		String countStatement(TaskQueryImpl query) {
			if (!asksOnlyForGroupsAndDueDates(query)) {
				return OWN_GROUP_COUNT_STATEMENT;
			}
			boolean due = query.getDueDate() != null || query.getDueBefore() != null || query.getDueAfter() != null;
			return due ? DUE_COUNT_STATEMENT : LINK_COUNT_STATEMENT;
		}

		/**
		 * The engine would count the query with the same SQL as a query for its groups and due dates alone (with the
		 * same assignee flags, checks and database): no other criterion narrows it, whichever of the query's many fields
		 * it is set in.
		 */
		boolean asksOnlyForGroupsAndDueDates(TaskQueryImpl query) {
			TaskQueryImpl groupsOnly = new TaskQueryImpl();
			groupsOnly.taskCandidateGroupIn(query.getCandidateGroups());
			if (query.isIncludeAssignedTasks()) {
				groupsOnly.includeAssignedTasks();
			}
			if (query.isUnassigned()) {
				groupsOnly.taskUnassigned();
			}
			if (query.getDueDate() != null) {
				groupsOnly.dueDate(query.getDueDate());
			}
			if (query.getDueBefore() != null) {
				groupsOnly.dueBefore(query.getDueBefore());
			}
			if (query.getDueAfter() != null) {
				groupsOnly.dueAfter(query.getDueAfter());
			}
			groupsOnly.setAuthCheck(query.getAuthCheck());
			groupsOnly.setTenantCheck(query.getTenantCheck());
			groupsOnly.setDatabaseType(query.getDatabaseType());
			MappedStatement count = getDbSqlSession().getSqlSession().getConfiguration().getMappedStatement(ENGINE_COUNT_ID);
			return sql(count, query).equals(sql(count, groupsOnly));
		}

		/** The statement's SQL for the query, with its white space made one space (each sort adds some). */
		private static String sql(MappedStatement statement, TaskQueryImpl query) {
			return WHITE_SPACE.matcher(statement.getBoundSql(query).getSql()).replaceAll(" ");
		}

	}

}
