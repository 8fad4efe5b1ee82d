package com.daiban.catalogue.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.daiban.identity.CallerScope;
import com.daiban.sheet.SheetRejected;
import com.daiban.sheet.SheetRows;
import com.daiban.sheet.XlsxDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** The administrator exports the catalogue, edits it in a spreadsheet and imports it again: no deploy needed. */
@RestController
@RequestMapping("/api/admin/catalogue")
class CatalogueController {

	private final CallerScope callers;

	private final CatalogueWorkbook workbook;

	CatalogueController(CallerScope callers, CatalogueWorkbook workbook) {
		this.callers = callers;
		this.workbook = workbook;
	}

	@GetMapping("/catalogue.xlsx")
	ResponseEntity<byte[]> export() {
		requireAdmin();
		return XlsxDownload.of("服务目录.xlsx", workbook.export());
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	CatalogueWorkbook.Result upload(@RequestPart("file") MultipartFile file) throws IOException {
		requireAdmin();
		return workbook.apply(SheetRows.read(file.getOriginalFilename(), file.getInputStream(), CatalogueWorkbook.COLUMNS));
	}

	@ExceptionHandler(SheetRejected.class)
	ResponseEntity<Map<String, Object>> rejected(SheetRejected e) {
		return ResponseEntity.badRequest().body(SheetRows.errorBody("服务目录", e));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<Map<String, Object>> missingFile(MissingServletRequestPartException e) {
		return rejected(new SheetRejected(List.of(SheetRejected.Problem.of("file", "缺少上传字段 file"))));
	}

	@ExceptionHandler(AdminOnly.class)
	ResponseEntity<Map<String, Object>> forbidden(AdminOnly e) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(Map.of("status", 403, "error", "Forbidden", "message", e.getMessage()));
	}

	private void requireAdmin() {
		if (!callers.current().isAdmin()) {
			throw new AdminOnly();
		}
	}

	static final class AdminOnly extends RuntimeException {

		AdminOnly() {
			super("只有系统管理员可以维护服务目录");
		}

	}

}
