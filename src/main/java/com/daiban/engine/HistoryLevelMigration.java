package com.daiban.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Migration 12: a database the engine created at history level {@code full} (id 3) moves to
 * {@link SupervisionHistoryLevel} when that is the configured level; the engine refuses to start when its configured
 * level and the one stored in ACT_GE_PROPERTY differ. Moving down from {@code full} keeps every history row already
 * written. On a fresh database the engine's tables do not exist yet (Flyway runs first), so there is nothing to do and
 * the engine stores the configured level itself.
 */
@Component
class HistoryLevelMigration implements JavaMigration {

	private static final int FULL = 3;

	private final String configuredLevel;

	HistoryLevelMigration(@Value("${camunda.bpm.history-level:full}") String configuredLevel) {
		this.configuredLevel = configuredLevel;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("12");
	}

	@Override
	public String getDescription() {
		return "engine history level full to " + SupervisionHistoryLevel.NAME;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!SupervisionHistoryLevel.NAME.equals(configuredLevel) || !engineTablesExist(connection)) {
			return;
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
			update.setString(1, Integer.toString(SupervisionHistoryLevel.ID));
			update.setString(2, Integer.toString(FULL));
			update.executeUpdate();
		}
	}

	private static boolean engineTablesExist(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		for (String name : new String[] { "ACT_GE_PROPERTY", "act_ge_property" }) {
			try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
