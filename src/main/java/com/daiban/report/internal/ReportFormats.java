package com.daiban.report.internal;

import java.nio.charset.StandardCharsets;

import com.daiban.sheet.XlsxDownload;
import com.daiban.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Serves any report in the three formats: JSON (no suffix), {@code .xlsx} to archive, {@code .html} to print. */
final class ReportFormats {

	private ReportFormats() {
	}

	static ResponseEntity<?> respond(String format, Tabulated report) {
		if (format == null || format.equals("json")) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report.rows());
		}
		return switch (format) {
			case "xlsx" -> XlsxDownload.of(report.fileName() + ".xlsx", TableRenderer.xlsx(report.table()));
			case "html" -> ResponseEntity.ok()
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(TableRenderer.html(report.table()));
			default -> throw new NotFoundException("没有这种报表格式：" + format + "（可用 .xlsx 或 .html）");
		};
	}

}
