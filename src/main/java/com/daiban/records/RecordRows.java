package com.daiban.records;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps each row to a record, component {@code matterNo} from column {@code matter_no}, with the column positions looked
 * up once per query. Spring's record mappers ({@code JdbcClient.query(Class)}, {@code DataClassRowMapper}) look every
 * component up by its camelCase name first on every row, and the PostgreSQL driver answers each miss with an exception:
 * about 25 per matter row. A year's negative list of a township (15,000 rows) spent most of its 0.9 s in those (bench
 * P3). Make one per query ({@link #of}): it remembers the positions of the first result set it sees.
 */
public final class RecordRows<T extends Record> implements RowMapper<T> {

	private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
		@Override
		protected Shape computeValue(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
			String[] columns = Arrays.stream(components).map(c -> JdbcUtils.convertPropertyNameToUnderscoreName(c.getName()))
				.toArray(String[]::new);
			try {
				return new Shape(type.getDeclaredConstructor(types), types, columns);
			}
			catch (NoSuchMethodException e) {
				throw new IllegalStateException(type + " has no canonical constructor", e);
			}
		}
	};

	private final Class<T> type;

	private final Shape shape;

	private int[] positions;

	private RecordRows(Class<T> type) {
		this.type = type;
		this.shape = SHAPES.get(type);
	}

	public static <T extends Record> RecordRows<T> of(Class<T> type) {
		return new RecordRows<>(type);
	}

	@Override
	public T mapRow(ResultSet rows, int rowNumber) throws SQLException {
		if (positions == null) {
			positions = positions(rows.getMetaData());
		}
		Object[] values = new Object[positions.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = JdbcUtils.getResultSetValue(rows, positions[i], shape.types()[i]);
		}
		// as Spring's mappers do: a NULL for a primitive component becomes its default value
		return type.cast(BeanUtils.instantiateClass(shape.constructor(), values));
	}

	private int[] positions(ResultSetMetaData metaData) throws SQLException {
		Map<String, Integer> byName = new HashMap<>();
		for (int column = metaData.getColumnCount(); column >= 1; column--) {
			byName.put(JdbcUtils.lookupColumnName(metaData, column).toLowerCase(Locale.ROOT), column);
		}
		int[] found = new int[shape.columns().length];
		for (int i = 0; i < found.length; i++) {
			Integer position = byName.get(shape.columns()[i]);
			if (position == null) {
				throw new InvalidDataAccessApiUsageException(
						"no column " + shape.columns()[i] + " in the result for " + type.getSimpleName());
			}
			found[i] = position;
		}
		return found;
	}

	private record Shape(Constructor<?> constructor, Class<?>[] types, String[] columns) {
	}

}
