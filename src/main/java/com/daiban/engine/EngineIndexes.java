package com.daiban.engine;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own ACT_* tables that our workload needs and the engine does not ship. They cannot be Flyway
 * migrations: on a fresh database Flyway runs before the engine has created its schema (the tables would not exist yet),
 * and the engine's schema update must keep owning those tables. Taking the {@link ProcessEngine} as a constructor argument
 * orders this after the schema exists, and before the job executor starts (it starts on ApplicationReadyEvent).
 * {@code CREATE INDEX IF NOT EXISTS} is idempotent on both H2 2.x and PostgreSQL, so every start re-checks them at
 * no cost.
 */
@Component
@ConditionalOnProperty(name = "daiban.performance.engine-indexes", havingValue = "true", matchIfMissing = true)
class EngineIndexes implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

	/**
	 * Timers first, then by due date: the order in which acquisition asks for jobs when job-executor-prefer-timer-jobs and
	 * job-executor-acquire-by-due-date are on; without it a wave of deadline timers is found by a scan of every job.
	 * Tasklist's group query joins identity links by group and sorts tasks by due date: a composite link index lets it
	 * read the matching task ids from the index alone, and the due-date index serves the sort. The link index holds the
	 * tenant too, so that a queue's count needs no other table; it replaces the earlier one without the tenant.
	 */
	static final List<String> STATEMENTS = List.of(
			"CREATE INDEX IF NOT EXISTS DAIBAN_IDX_JOB_ACQUISITION ON ACT_RU_JOB (TYPE_ DESC, DUEDATE_)",
			"CREATE INDEX IF NOT EXISTS DAIBAN_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_)",
			"DROP INDEX IF EXISTS DAIBAN_IDX_IDENT_LNK_GROUP_TASK",
			"CREATE INDEX IF NOT EXISTS DAIBAN_IDX_IDENT_LNK_CANDIDATES ON ACT_RU_IDENTITYLINK "
					+ "(GROUP_ID_, TYPE_, TASK_ID_, TENANT_ID_)");

	/**
	 * PostgreSQL only (14+): statistics on the permission bits the authorization check tests with {@code PERMS_ & n = n}.
	 * Without them the planner guesses that 0.5 % of a group's grants match, keeps the whole filtered authorization
	 * table in memory and compares every candidate task against it; with them, when it plans with the actual parameters,
	 * it probes the authorization index per task (docs/performance.md, P3). READ = 2 on tasks, READ_TASK = 64 on process
	 * definitions.
	 * <p>
	 * Also PostgreSQL only (H2 has no partial indexes): the locked jobs by process instance. Job acquisition skips an
	 * exclusive job whose process instance has another exclusive job in progress; that check is a subquery under an
	 * {@code OR}, which PostgreSQL runs once per acquisition as a scan of every job (30–45 ms per acquisition in a wave
	 * of 10,000 deadline timers). Only the few jobs being executed are locked, so this index holds a handful of live
	 * rows.
	 * <p>
	 * The tasks' due dates in task-id order, which the count of a queue by due dates merges with the candidate links
	 * (TaskQueryPlugin.CountPlans); only the PostgreSQL statements count that way.
	 */
	static final List<String> POSTGRES_STATEMENTS = List.of(
			"CREATE STATISTICS IF NOT EXISTS DAIBAN_STAT_AUTH_READ ON (PERMS_ & 2) FROM ACT_RU_AUTHORIZATION",
			"CREATE STATISTICS IF NOT EXISTS DAIBAN_STAT_AUTH_READ_TASK ON (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION",
			"CREATE INDEX IF NOT EXISTS DAIBAN_IDX_JOB_LOCKED ON ACT_RU_JOB (PROCESS_INSTANCE_ID_, LOCK_EXP_TIME_) "
					+ "WHERE LOCK_OWNER_ IS NOT NULL",
			"CREATE INDEX IF NOT EXISTS DAIBAN_IDX_TASK_ID_DUE_DATE ON ACT_RU_TASK (ID_, DUE_DATE_)");

	private final JdbcTemplate jdbc;

	EngineIndexes(ProcessEngine processEngine, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void afterPropertiesSet() {
		for (String statement : STATEMENTS) {
			jdbc.execute(statement);
		}
		boolean postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) -> "PostgreSQL"
			.equals(connection.getMetaData().getDatabaseProductName())));
		if (postgres) {
			POSTGRES_STATEMENTS.forEach(jdbc::execute);
		}
		log.info("Engine table indexes checked: {}{}", STATEMENTS.size(),
				postgres ? ", PostgreSQL statistics and partial indexes: " + POSTGRES_STATEMENTS.size() : "");
	}

}
