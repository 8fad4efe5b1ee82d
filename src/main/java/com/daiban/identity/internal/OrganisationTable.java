package com.daiban.identity.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The organisation as one table, the same columns in {@code .xlsx} (first sheet) and {@code .csv} (UTF-8): one row per
 * township, village, unit or person, told apart by the first column. Row numbers are the spreadsheet's, header = 1.
 */
final class OrganisationTable {

	static final String KIND = "类别";

	static final String CODE = "编码";

	static final String NAME = "名称";

	static final String PARENT = "所属编码";

	static final String PHONE = "电话";

	static final String EMAIL = "电子邮箱";

	static final String ROLE = "角色";

	static final String POST = "岗位";

	static final List<String> COLUMNS = List.of(KIND, CODE, NAME, PARENT, PHONE, EMAIL, ROLE, POST);

	static final int MAX_ROWS = 5000;

	/** One data row: its number in the sheet and its cells by column name (trimmed, never null). */
	record Line(int number, Map<String, String> cells) {

		String get(String column) {
			return cells.getOrDefault(column, "");
		}

	}

	private OrganisationTable() {
	}

	static List<Line> readXlsx(InputStream in) {
		try (Workbook workbook = new XSSFWorkbook(in)) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new ImportRejected(List.of(ImportRejected.Problem.of(1, null, "表格中没有工作表")));
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
						Cell cell = row.getCell(c);
						cells.add(cell == null || cell.getCellType() == CellType.BLANK ? "" : formatter.formatCellValue(cell));
					}
				}
				rows.add(cells);
				if (rows.size() > MAX_ROWS + 1) {
					break;
				}
			}
			return lines(rows);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof ImportRejected rejected) {
				throw rejected;
			}
			throw new ImportRejected(List.of(ImportRejected.Problem.of(1, null, "无法读取 .xlsx 文件，请使用下载的模板")));
		}
	}

	static List<Line> readCsv(byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return lines(parseCsv(text));
	}

	/** RFC 4180: commas, double quotes around fields that hold commas, quotes or line breaks. */
	static List<List<String>> parseCsv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				if (rows.size() > MAX_ROWS + 1) {
					return rows;
				}
			}
			else {
				field.append(c);
			}
		}
		if (!field.isEmpty() || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

	private static List<Line> lines(List<List<String>> rows) {
		if (rows.isEmpty() || rows.get(0).stream().allMatch(String::isBlank)) {
			throw new ImportRejected(List.of(ImportRejected.Problem.of(1, null, "第1行应为表头：" + String.join("，", COLUMNS))));
		}
		List<String> header = rows.get(0).stream().map(String::trim).toList();
		List<ImportRejected.Problem> missing = new ArrayList<>();
		for (String column : COLUMNS) {
			if (!header.contains(column)) {
				missing.add(ImportRejected.Problem.of(1, column, "缺少列「" + column + "」"));
			}
		}
		if (!missing.isEmpty()) {
			throw new ImportRejected(missing);
		}
		if (rows.size() > MAX_ROWS + 1) {
			throw new ImportRejected(List.of(ImportRejected.Problem.of(MAX_ROWS + 2, null, "一次最多导入 " + MAX_ROWS + " 行")));
		}
		List<Line> lines = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, String> cells = new LinkedHashMap<>();
			for (int c = 0; c < header.size() && c < row.size(); c++) {
				if (COLUMNS.contains(header.get(c))) {
					cells.put(header.get(c), row.get(c).trim());
				}
			}
			lines.add(new Line(r + 1, cells));
		}
		return lines;
	}

	/** The downloadable template: the header, an example of every kind of row, and a sheet explaining the columns. */
	static byte[] template() {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("组织机构");
			List<List<String>> rows = List.of(COLUMNS,
					List.of("镇", "T01", "干窑镇", "", "0573-84500001", "", "", ""),
					List.of("村", "V01", "宏杨村", "T01", "", "", "", ""),
					List.of("村", "V02", "新联村", "T01", "", "", "", ""),
					List.of("单位", "", "干窑镇便民服务中心", "T01", "", "", "便民服务中心", ""),
					List.of("单位", "", "干窑镇督查办", "T01", "", "", "督查办", ""),
					List.of("单位", "", "市政务服务中心", "", "", "", "市政务服务中心", ""),
					List.of("单位", "", "市督查室", "", "", "", "上级督查", ""),
					List.of("人员", "zhang-wei", "张伟", "V01", "13800000001", "zhangwei@example.cn", "代办员", "A"),
					List.of("人员", "li-na", "李娜", "V01", "13800000002", "", "代办员", "B"),
					List.of("人员", "wang-fang", "王芳", "T01", "13900000001", "wangfang@example.cn", "办事员", ""),
					List.of("人员", "liu-yang", "刘洋", "T01", "13900000002", "", "督查员", ""));
			write(sheet, rows);
			Sheet help = workbook.createSheet("填写说明");
			write(help, List.of(List.of("列", "说明"),
					List.of(KIND, "镇、村、单位或人员"),
					List.of(CODE, "镇、村：编码（字母和数字，最长16位，如 T01、V01）；人员：登录账号（字母、数字和连字符）；单位：不填"),
					List.of(NAME, "镇名、村名、单位名称或人员姓名"),
					List.of(PARENT, "村：所属镇编码；镇级单位：所属镇编码；代办员：所属村编码；办事员、督查员：所属镇编码；市级单位和人员：不填"),
					List.of(PHONE, "镇：服务热线；人员：手机号（必填）"),
					List.of(EMAIL, "人员：电子邮箱（可不填）"),
					List.of(ROLE, "单位：便民服务中心、督查办、市政务服务中心、上级督查；人员：代办员、办事员、督查员、市中心办事员、上级督查员"),
					List.of(POST, "代办员：A 或 B（A岗、B岗）；其他人员不填"),
					List.of("说明", "导入镇时自动建立该镇的便民服务中心和督查办；同一文件可重复导入，已有的镇、村、人员按编码更新")));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void write(Sheet sheet, List<List<String>> rows) {
		for (int r = 0; r < rows.size(); r++) {
			Row row = sheet.createRow(r);
			for (int c = 0; c < rows.get(r).size(); c++) {
				row.createCell(c).setCellValue(rows.get(r).get(c));
			}
		}
		for (int c = 0; c < rows.get(0).size(); c++) {
			sheet.setColumnWidth(c, 18 * 256);
		}
	}

}
