package com.daiban.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, answers the engine's task query (every Tasklist filter, {@code GET /engine-rest/task}) with the statement
 * in {@code com/daiban/system/TaskQuery.xml}: the engine's own conditions under a semi-join instead of a
 * {@code SELECT DISTINCT}, so that an agent's first page by due date reads a few index entries instead of sorting every
 * task of the group (docs/performance.md, P3). The count query and every other database keep the engine's statements.
 */
@Component
@ConditionalOnProperty(name = "daiban.performance.task-query-semi-join", havingValue = "true", matchIfMissing = true)
class TaskQueryPlugin extends AbstractProcessEnginePlugin {

	static final String ENGINE_STATEMENT = "selectTaskByQueryCriteria";

	static final String STATEMENT = "com.daiban.system.TaskQuery.selectTaskByQueryCriteriaSemiJoin";

	private static final String RESOURCE = "com/daiban/system/TaskQuery.xml";

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
		// a copy: the engine hands every engine of the JVM the same map of PostgreSQL statements
		DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
		Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
				: new HashMap<>(sessions.getStatementMappings());
		mappings.put(ENGINE_STATEMENT, STATEMENT);
		sessions.setStatementMappings(mappings);
	}

}
