package com.daiban.report.internal;

import java.nio.charset.StandardCharsets;

import com.daiban.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Serves any report in the three formats: JSON (no suffix), {@code .xlsx} to archive, {@code .html} to print. */
final class ReportFormats {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private ReportFormats() {
	}

	static ResponseEntity<?> respond(String format, Tabulated report) {
		if (format == null || format.equals("json")) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report.rows());
		}
		return switch (format) {
			case "xlsx" -> ResponseEntity.ok()
				.contentType(XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(report.fileName() + ".xlsx", StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(TableRenderer.xlsx(report.table()));
			case "html" -> ResponseEntity.ok()
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(TableRenderer.html(report.table()));
			default -> throw new NotFoundException("没有这种报表格式：" + format + "（可用 .xlsx 或 .html）");
		};
	}

}
