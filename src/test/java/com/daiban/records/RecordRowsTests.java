package com.daiban.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class RecordRowsTests {

	record Entry(long id, String matterNo, Integer rating, int reworkCount, Boolean onTime, OffsetDateTime recordedAt) {
	}

	private JdbcClient jdbc;

	@BeforeEach
	void table() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				"jdbc:h2:mem:record-rows-" + System.nanoTime(), "sa", "", true);
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				CREATE TABLE entry (id BIGINT, matter_no VARCHAR(40), rating INT, rework_count INT, on_time BOOLEAN,
				  recorded_at TIMESTAMP WITH TIME ZONE, extra VARCHAR(10))""").update();
		jdbc.sql("INSERT INTO entry VALUES (1, 'T01-20261128-0001', 5, 2, TRUE, TIMESTAMP WITH TIME ZONE '2026-11-28 10:00:00+08:00', 'x')")
			.update();
		jdbc.sql("INSERT INTO entry VALUES (2, 'T01-20261128-0002', NULL, NULL, NULL, NULL, NULL)").update();
	}

	@Test
	void mapsColumnsToComponentsByUnderscoreNameWhateverTheirOrder() {
		List<Entry> entries = jdbc
			.sql("SELECT extra, recorded_at, on_time, rework_count, rating, matter_no, id FROM entry ORDER BY id")
			.query(RecordRows.of(Entry.class))
			.list();

		assertThat(entries).containsExactly(
				new Entry(1, "T01-20261128-0001", 5, 2, true, OffsetDateTime.of(2026, 11, 28, 2, 0, 0, 0, ZoneOffset.UTC)
					.withOffsetSameInstant(ZoneOffset.ofHours(8))),
				new Entry(2, "T01-20261128-0002", null, 0, null, null));
	}

	@Test
	void namesTheMissingColumn() {
		assertThatThrownBy(() -> jdbc.sql("SELECT id, matter_no FROM entry").query(RecordRows.of(Entry.class)).list())
			.isInstanceOf(InvalidDataAccessApiUsageException.class)
			.hasMessageContaining("rating")
			.hasMessageContaining("Entry");
	}

}
