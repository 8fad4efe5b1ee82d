package com.daiban.deadline.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.daiban.web.InvalidInputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A calendar file as the State Council's dates are kept: one row a date, columns date, kind (OFF / WORK), name; as a
 * tab-separated text ({@code .tsv}, lines starting with # and a header row skipped) or as the first sheet of an
 * {@code .xlsx}. A row that cannot be read rejects the whole file, naming the row.
 */
final class CalendarFile {

	private static final int MAX_ROWS = 2000;

	private CalendarFile() {
	}

	static List<Row3> read(String fileName, InputStream content) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		try {
			if (name.endsWith(".xlsx")) {
				return xlsx(content);
			}
			if (name.endsWith(".tsv") || name.endsWith(".txt")) {
				return tsv(content);
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("file", "文件无法读取，请上传 UTF-8 编码的 .tsv 或 Excel .xlsx 文件");
		}
		throw new InvalidInputException("file", "只接受 .tsv 或 .xlsx 文件（列：日期、类型 OFF/WORK、名称）");
	}

	/** One row as read: the date, the kind and the name, still unchecked against the calendar's rules. */
	record Row3(int line, LocalDate date, CalendarDay.Kind kind, String name) {
	}

	private static List<Row3> tsv(InputStream content) throws IOException {
		List<Row3> rows = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
		String text;
		int line = 0;
		while ((text = reader.readLine()) != null) {
			line++;
			if (line == 1 && text.startsWith("\uFEFF")) {
				text = text.substring(1);
			}
			if (text.isBlank() || text.startsWith("#") || text.toLowerCase(Locale.ROOT).startsWith("date")) {
				continue;
			}
			String[] cells = text.split("\t", -1);
			rows.add(row(line, cells[0], cells.length > 1 ? cells[1] : "", cells.length > 2 ? cells[2] : ""));
			limit(rows);
		}
		return rows;
	}

	private static List<Row3> xlsx(InputStream content) throws IOException {
		List<Row3> rows = new ArrayList<>();
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		try (Workbook workbook = new XSSFWorkbook(content)) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				int line = row.getRowNum() + 1;
				Cell first = row.getCell(0);
				String date = first == null ? "" : first.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(first)
						? first.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString()
						: formatter.formatCellValue(first).trim();
				if (date.isEmpty() || date.startsWith("#") || date.toLowerCase(Locale.ROOT).startsWith("date")
						|| date.equals("日期")) {
					continue;
				}
				rows.add(row(line, date, formatter.formatCellValue(row.getCell(1)), formatter.formatCellValue(row.getCell(2))));
				limit(rows);
			}
		}
		return rows;
	}

	private static Row3 row(int line, String date, String kind, String name) {
		LocalDate day;
		try {
			day = LocalDate.parse(date.trim());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("file", "第 " + line + " 行：日期应为 2027-01-01 这样的格式：" + shorten(date));
		}
		CalendarDay.Kind parsed;
		try {
			parsed = CalendarDay.Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("file", "第 " + line + " 行：类型应为 OFF（放假）或 WORK（调休上班）：" + shorten(kind));
		}
		return new Row3(line, day, parsed, name.trim());
	}

	private static void limit(List<Row3> rows) {
		if (rows.size() > MAX_ROWS) {
			throw new InvalidInputException("file", "文件超过 " + MAX_ROWS + " 行");
		}
	}

	private static String shorten(String value) {
		return value.length() > 20 ? value.substring(0, 20) + "…" : value;
	}

}
