package com.daiban.catalogue.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.daiban.input.PlainText;
import com.daiban.sheet.Line;
import com.daiban.sheet.SheetRejected;
import com.daiban.sheet.SheetRejected.Problem;
import com.daiban.sheet.SheetRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue as a workbook, the same columns for export and import. An import is checked row by row first and
 * applied whole, matched by item code: re-importing an exported file changes nothing. Items are retired (状态 停用),
 * never deleted: matters that name them keep their item, and re-routing reads it even when retired.
 */
@Component
class CatalogueWorkbook {

	static final String CODE = "编码";

	static final String NAME = "名称";

	static final String CATEGORY_CODE = "类别编码";

	static final String CATEGORY_NAME = "类别名称";

	static final String DEPARTMENT = "承办部门";

	static final String LEVEL = "办理层级";

	static final String MODE = "三办模式";

	static final String MATERIALS = "所需材料";

	static final String LIMIT = "办结时限（工作日）";

	static final String STATUS = "状态";

	static final List<String> COLUMNS = List.of(CODE, NAME, CATEGORY_CODE, CATEGORY_NAME, DEPARTMENT, LEVEL, MODE,
			MATERIALS, LIMIT, STATUS);

	private static final Map<String, String> LEVELS = Map.of("村", "VILLAGE", "镇", "TOWNSHIP", "市", "CITY");

	private static final Map<String, String> MODES = Map.of("直接办", "DIRECT", "代办", "PROXY", "指导办", "GUIDED");

	private static final Pattern ITEM_CODE = Pattern.compile("[A-Z0-9-]{1,32}");

	private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

	private final JdbcClient jdbc;

	CatalogueWorkbook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Result(int items, int created, int changed, int retired) {
	}

	private record Item(String code, String name, String categoryCode, String categoryName, String department,
			String level, String mode, String materials, int limit, boolean active) {
	}

	byte[] export() {
		List<List<String>> rows = new ArrayList<>();
		rows.add(COLUMNS);
		for (Item item : stored().values()) {
			rows.add(List.of(item.code(), item.name(), item.categoryCode(), item.categoryName(), item.department(),
					label(LEVELS, item.level()), label(MODES, item.mode()), item.materials(), String.valueOf(item.limit()),
					item.active() ? "在用" : "停用"));
		}
		Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
		sheets.put("服务目录", rows);
		sheets.put("填写说明", List.of(List.of("列", "说明"), List.of(CODE, "大写字母、数字和连字符，如 MZ-001；已有编码即更新该事项"),
				List.of(CATEGORY_CODE, "大写字母、数字和下划线，如 CIVIL_AFFAIRS；新编码即新增类别"),
				List.of(LEVEL, "村、镇 或 市"), List.of(MODE, "直接办、代办 或 指导办"), List.of(LIMIT, "1 到 60 的整数"),
				List.of(STATUS, "在用 或 停用：事项只停用、不删除，已受理的事项照常办理")));
		return SheetRows.xlsx(sheets);
	}

	@Transactional
	Result apply(List<Line> lines) {
		List<Problem> problems = new ArrayList<>();
		Map<String, Item> items = new LinkedHashMap<>();
		Map<String, String> categories = new LinkedHashMap<>();
		for (Line line : lines) {
			Item item = item(line, problems);
			if (item == null) {
				continue;
			}
			if (items.putIfAbsent(item.code(), item) != null) {
				problems.add(Problem.of(line.number(), CODE, "编码 " + item.code() + " 重复"));
			}
			String known = categories.putIfAbsent(item.categoryCode(), item.categoryName());
			if (known != null && !known.equals(item.categoryName())) {
				problems.add(Problem.of(line.number(), CATEGORY_NAME,
						"类别 " + item.categoryCode() + " 在前面的行中叫「" + known + "」"));
			}
		}
		if (!problems.isEmpty()) {
			throw new SheetRejected(problems);
		}
		Map<String, Item> before = stored();
		Set<String> storedCategories = new HashSet<>(
				jdbc.sql("SELECT code FROM service_category").query(String.class).list());
		categories.forEach((code, name) -> {
			if (storedCategories.contains(code)) {
				jdbc.sql("UPDATE service_category SET name = ? WHERE code = ? AND name <> ?").params(name, code, name).update();
			}
			else {
				jdbc.sql("INSERT INTO service_category (code, name) VALUES (?, ?)").params(code, name).update();
			}
		});
		int created = 0;
		int changed = 0;
		int retired = 0;
		for (Item item : items.values()) {
			Item old = before.get(item.code());
			if (old == null) {
				jdbc.sql("""
						INSERT INTO service_item (code, name, category_code, department, level, mode, materials,
						  limit_working_days, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(item.code(), item.name(), item.categoryCode(), item.department(), item.level(), item.mode(),
							item.materials(), item.limit(), item.active())
					.update();
				created++;
			}
			else if (!old.equals(item)) {
				jdbc.sql("""
						UPDATE service_item SET name = ?, category_code = ?, department = ?, level = ?, mode = ?,
						  materials = ?, limit_working_days = ?, active = ? WHERE code = ?""")
					.params(item.name(), item.categoryCode(), item.department(), item.level(), item.mode(),
							item.materials(), item.limit(), item.active(), item.code())
					.update();
				changed++;
				if (old.active() && !item.active()) {
					retired++;
				}
			}
		}
		return new Result(items.size(), created, changed, retired);
	}

	private Item item(Line line, List<Problem> problems) {
		int n = line.number();
		int before = problems.size();
		String code = line.get(CODE);
		if (!ITEM_CODE.matcher(code).matches()) {
			problems.add(Problem.of(n, CODE, code.isEmpty() ? "请填写编码" : "编码只能由大写字母、数字和连字符组成，最长32位"));
		}
		text(line, NAME, 100, true, problems);
		String category = line.get(CATEGORY_CODE);
		if (!CATEGORY.matcher(category).matches()) {
			problems.add(Problem.of(n, CATEGORY_CODE, category.isEmpty() ? "请填写类别编码"
					: "类别编码只能由大写字母、数字和下划线组成，以字母开头，最长32位"));
		}
		text(line, CATEGORY_NAME, 32, true, problems);
		text(line, DEPARTMENT, 32, true, problems);
		text(line, MATERIALS, 500, false, problems);
		String level = LEVELS.get(line.get(LEVEL));
		if (level == null) {
			problems.add(Problem.of(n, LEVEL, "应为 村、镇 或 市"));
		}
		String mode = MODES.get(line.get(MODE));
		if (mode == null) {
			problems.add(Problem.of(n, MODE, "应为 直接办、代办 或 指导办"));
		}
		int limit = 0;
		try {
			limit = Integer.parseInt(line.get(LIMIT));
		}
		catch (NumberFormatException e) {
			// reported below
		}
		if (limit < 1 || limit > 60) {
			problems.add(Problem.of(n, LIMIT, "应为 1 到 60 的整数（工作日）"));
		}
		String status = line.get(STATUS);
		if (!status.equals("在用") && !status.equals("停用")) {
			problems.add(Problem.of(n, STATUS, "应为 在用 或 停用"));
		}
		if (problems.size() > before) {
			return null;
		}
		String materials = line.get(MATERIALS);
		return new Item(code, line.get(NAME), category, line.get(CATEGORY_NAME), line.get(DEPARTMENT), level, mode,
				materials.isEmpty() ? null : materials, limit, status.equals("在用"));
	}

	private static void text(Line line, String column, int max, boolean required, List<Problem> problems) {
		String value = line.get(column);
		if (required && value.isEmpty()) {
			problems.add(Problem.of(line.number(), column, "请填写" + column));
		}
		else if (value.length() > max || !PlainText.Validator.isPlain(value)
				|| value.chars().anyMatch(Character::isISOControl)) {
			problems.add(Problem.of(line.number(), column, "最长" + max + "个字符，且不能包含尖括号、表达式符号或控制字符"));
		}
	}

	private Map<String, Item> stored() {
		Map<String, Item> items = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT i.code, i.name, i.category_code, c.name AS category_name, i.department, i.level, i.mode,
				  i.materials, i.limit_working_days, i.active
				FROM service_item i JOIN service_category c ON c.code = i.category_code ORDER BY i.code""")
			.query((rs, rowNum) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getBoolean(10)))
			.list()
			.forEach(item -> items.put(item.code(), item));
		return items;
	}

	private static String label(Map<String, String> labels, String value) {
		return labels.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).findFirst()
			.orElse(value);
	}

}
