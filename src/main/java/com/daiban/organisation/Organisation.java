package com.daiban.organisation;

import java.util.List;
import java.util.Optional;

import com.daiban.records.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Townships and villages: who belongs where. */
@Service
public class Organisation {

	private final JdbcClient jdbc;

	Organisation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Village> findVillage(String code) {
		return jdbc.sql("SELECT code, name, township_code FROM village WHERE code = ?")
			.param(code)
			.query(RecordRows.of(Village.class))
			.optional();
	}

	public Optional<Township> findTownship(String code) {
		return jdbc.sql("SELECT code, name, hotline FROM township WHERE code = ?")
			.param(code)
			.query(RecordRows.of(Township.class))
			.optional();
	}

	public List<Village> villages() {
		return jdbc.sql("SELECT code, name, township_code FROM village ORDER BY code")
			.query(RecordRows.of(Village.class))
			.list();
	}

	public List<Village> villagesOf(String townshipCode) {
		return jdbc.sql("SELECT code, name, township_code FROM village WHERE township_code = ? ORDER BY code")
			.param(townshipCode)
			.query(RecordRows.of(Village.class))
			.list();
	}

	public List<Township> townships() {
		return jdbc.sql("SELECT code, name, hotline FROM township ORDER BY code")
			.query(RecordRows.of(Township.class))
			.list();
	}

	/** Adds the township unless it exists; safe to call at every start-up. */
	@Transactional
	public void ensureTownship(Township township) {
		if (findTownship(township.code()).isEmpty()) {
			jdbc.sql("INSERT INTO township (code, name, hotline) VALUES (?, ?, ?)")
				.params(township.code(), township.name(), township.hotline())
				.update();
		}
	}

	/** Adds the village unless it exists; safe to call at every start-up. */
	@Transactional
	public void ensureVillage(Village village) {
		if (findVillage(village.code()).isEmpty()) {
			jdbc.sql("INSERT INTO village (code, name, township_code) VALUES (?, ?, ?)")
				.params(village.code(), village.name(), village.townshipCode())
				.update();
		}
	}

}
