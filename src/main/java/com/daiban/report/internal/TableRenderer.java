package com.daiban.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.web.util.HtmlUtils;

/** One table, two renderings: an Excel workbook to archive, and a page to print. */
final class TableRenderer {

	private TableRenderer() {
	}

	/**
	 * Streams rows to a temporary file 100 at a time (SXSSF) instead of building the whole sheet as an XML tree: a year's
	 * negative list of a township is tens of thousands of rows, which the in-memory workbook took tens of seconds of CPU
	 * to write (measured by bench/run, P3). The file is zipped at deflate's fastest level: the sheet's XML is most of the
	 * work of a large export (bench P3 measures the download).
	 */
	static byte[] xlsx(Table table) {
		SXSSFWorkbook workbook = new FastZippedWorkbook();
		try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName(table.title()));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row titleRow = sheet.createRow(0);
			Cell titleCell = titleRow.createCell(0);
			titleCell.setCellValue(table.title());
			titleCell.setCellStyle(bold);
			Row header = sheet.createRow(1);
			for (int i = 0; i < table.headers().size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(table.headers().get(i));
				cell.setCellStyle(bold);
			}
			int r = 2;
			for (var values : table.rows()) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					Cell cell = row.createCell(i);
					if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else {
						cell.setCellValue(value == null ? "" : value.toString());
					}
				}
			}
			for (int i = 0; i < table.headers().size(); i++) {
				sheet.setColumnWidth(i, 18 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			workbook.dispose();
		}
	}

	private static final class FastZippedWorkbook extends SXSSFWorkbook {

		FastZippedWorkbook() {
			super(100);
		}

		@Override
		protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
			ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
			zip.setLevel(Deflater.BEST_SPEED);
			return zip;
		}

	}

	static String html(Table table) {
		StringBuilder out = new StringBuilder("""
				<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>""").append(escape(table.title()))
			.append("""
					</title><style>body{font-family:"SimSun","Songti SC",serif;margin:2em}table{border-collapse:collapse;width:100%}
					th,td{border:1px solid #000;padding:4px 6px;font-size:12px;text-align:left}h1{font-size:18px;text-align:center}
					@media print{body{margin:0}}</style></head><body><h1>""")
			.append(escape(table.title()))
			.append("</h1><table><thead><tr>");
		table.headers().forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
		out.append("</tr></thead><tbody>");
		for (var values : table.rows()) {
			out.append("<tr>");
			values.forEach(v -> out.append("<td>").append(v == null ? "" : escape(v.toString())).append("</td>"));
			out.append("</tr>");
		}
		return out.append("</tbody></table></body></html>").toString();
	}

	private static String escape(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

	private static String sheetName(String title) {
		String cleaned = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
		return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
	}

}
