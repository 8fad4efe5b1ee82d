package com.daiban.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Reads the first sheet of an {@code .xlsx} or a UTF-8 {@code .csv} whose first row names the columns (any order, extra
 * columns ignored, every expected one required), and writes workbooks of plain text cells.
 */
public final class SheetRows {

	public static final int MAX_ROWS = 5000;

	private SheetRows() {
	}

	/** By the file's name: {@code .xlsx} or {@code .csv}; anything else is refused. */
	public static List<Line> read(String filename, InputStream in, List<String> columns) throws IOException {
		String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			return readXlsx(in, columns);
		}
		if (name.endsWith(".csv")) {
			return readCsv(in.readAllBytes(), columns);
		}
		throw new SheetRejected(List.of(SheetRejected.Problem.of("file", "请上传 .xlsx 或 .csv 文件")));
	}

	public static List<Line> readXlsx(InputStream in, List<String> columns) {
		List<List<String>> rows = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			for (int r = 0; r <= sheet.getLastRowNum() && rows.size() <= MAX_ROWS + 1; r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null || cell.getCellType() == CellType.BLANK ? "" : formatter.formatCellValue(cell));
				}
				rows.add(cells);
			}
		}
		catch (IOException | RuntimeException e) {
			throw new SheetRejected(List.of(SheetRejected.Problem.of("file", "无法读取 .xlsx 文件，请使用下载的模板")));
		}
		return lines(rows, columns);
	}

	public static List<Line> readCsv(byte[] content, List<String> columns) {
		String text = new String(content, StandardCharsets.UTF_8);
		return lines(parseCsv(text.startsWith("\uFEFF") ? text.substring(1) : text), columns);
	}

	/** RFC 4180: commas, double quotes around fields that hold commas, quotes or line breaks. */
	static List<List<String>> parseCsv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length() && rows.size() <= MAX_ROWS + 1; i++) {
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

	private static List<Line> lines(List<List<String>> rows, List<String> columns) {
		if (rows.isEmpty() || rows.get(0).stream().allMatch(String::isBlank)) {
			throw new SheetRejected(List.of(SheetRejected.Problem.of(1, null, "第1行应为表头：" + String.join("，", columns))));
		}
		List<String> header = rows.get(0).stream().map(String::trim).toList();
		List<SheetRejected.Problem> missing = columns.stream()
			.filter(column -> !header.contains(column))
			.map(column -> SheetRejected.Problem.of(1, column, "缺少列「" + column + "」"))
			.toList();
		if (!missing.isEmpty()) {
			throw new SheetRejected(missing);
		}
		if (rows.size() > MAX_ROWS + 1) {
			throw new SheetRejected(List.of(SheetRejected.Problem.of(MAX_ROWS + 2, null, "一次最多导入 " + MAX_ROWS + " 行")));
		}
		List<Line> lines = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r);
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, String> cells = new HashMap<>();
			for (int c = 0; c < header.size() && c < row.size(); c++) {
				if (columns.contains(header.get(c))) {
					cells.put(header.get(c), row.get(c).trim());
				}
			}
			lines.add(new Line(r + 1, cells));
		}
		if (lines.isEmpty()) {
			throw new SheetRejected(List.of(SheetRejected.Problem.of(2, null, "没有数据行")));
		}
		return lines;
	}

	/** A workbook with one sheet per entry, in order; the first row of each is its header. */
	public static byte[] xlsx(Map<String, List<List<String>>> sheets) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			sheets.forEach((name, rows) -> {
				Sheet sheet = workbook.createSheet(name);
				for (int r = 0; r < rows.size(); r++) {
					Row row = sheet.createRow(r);
					for (int c = 0; c < rows.get(r).size(); c++) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
				for (int c = 0; !rows.isEmpty() && c < rows.get(0).size(); c++) {
					sheet.setColumnWidth(c, 18 * 256);
				}
			});
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The answer to a refused upload, in the domain API's error shape plus every problem. */
	public static Map<String, Object> errorBody(String what, SheetRejected rejected) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("status", 400);
		body.put("error", "Bad Request");
		body.put("message", what + "未导入（全部未生效）：" + rejected.getMessage());
		body.put("problems", rejected.problems());
		return body;
	}

}
