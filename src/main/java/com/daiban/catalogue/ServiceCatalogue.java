package com.daiban.catalogue;

import java.util.List;
import java.util.Optional;

import com.daiban.records.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The service catalogue (便民服务指南) as data, maintained by migrations. */
@Service
public class ServiceCatalogue {

	private static final String SELECT = """
			SELECT i.code, i.name, i.category_code, c.name AS category_name, i.department, i.level, i.mode, i.materials
			FROM service_item i JOIN service_category c ON c.code = i.category_code
			""";

	private final JdbcClient jdbc;

	ServiceCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ServiceItem> items() {
		return jdbc.sql(SELECT + " WHERE i.active ORDER BY i.code").query(RecordRows.of(ServiceItem.class)).list();
	}

	public Optional<ServiceItem> find(String code) {
		return jdbc.sql(SELECT + " WHERE i.active AND i.code = ?")
			.param(code)
			.query(RecordRows.of(ServiceItem.class))
			.optional();
	}

}
