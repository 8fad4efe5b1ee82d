package com.daiban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** A database the engine created at history level full starts again at "supervision" instead of refusing to. */
class HistoryLevelMigrationTests {

	@Test
	void shouldMoveADatabaseAtFullToTheSupervisionLevel() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:history-full")) {
			execute(connection, "CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300), REV_ INT)");
			execute(connection, "INSERT INTO ACT_GE_PROPERTY VALUES ('historyLevel', '3', 1), ('schema.version', '7.24.0', 1)");

			new HistoryLevelMigration(SupervisionHistoryLevel.NAME).migrate(context(connection));

			assertThat(historyLevel(connection)).isEqualTo(Integer.toString(SupervisionHistoryLevel.ID));
		}
	}

	@Test
	void shouldLeaveALevelChosenByTheOperatorAlone() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:history-audit")) {
			execute(connection, "CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300), REV_ INT)");
			execute(connection, "INSERT INTO ACT_GE_PROPERTY VALUES ('historyLevel', '3', 1)");

			new HistoryLevelMigration("full").migrate(context(connection));

			assertThat(historyLevel(connection)).isEqualTo("3");
		}
	}

	@Test
	void shouldDoNothingBeforeTheEngineHasCreatedItsTables() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:history-fresh")) {
			new HistoryLevelMigration(SupervisionHistoryLevel.NAME).migrate(context(connection));

			try (ResultSet tables = connection.getMetaData().getTables(null, null, "ACT_GE_PROPERTY", null)) {
				assertThat(tables.next()).isFalse();
			}
		}
	}

	private static String historyLevel(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Context context(Connection connection) {
		return new Context() {

			@Override
			public Configuration getConfiguration() {
				return null;
			}

			@Override
			public Connection getConnection() {
				return connection;
			}

		};
	}

}
