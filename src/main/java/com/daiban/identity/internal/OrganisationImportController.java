package com.daiban.identity.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.daiban.identity.CallerScope;
import com.daiban.sheet.Line;
import com.daiban.sheet.SheetRejected;
import com.daiban.sheet.SheetRows;
import com.daiban.sheet.XlsxDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The administrator's import of the organisation: a multipart upload ({@code file}: .xlsx or .csv, optional
 * {@code initialPassword}) or a plain {@code text/csv} body (initial password in the {@value #PASSWORD_HEADER}
 * header). Without an initial password new users get none and sign in through single sign-on.
 */
@RestController
@RequestMapping("/api/admin/organisation")
class OrganisationImportController {

	static final String PASSWORD_HEADER = "Daiban-Initial-Password";

	private final CallerScope callers;

	private final OrganisationImport organisationImport;

	OrganisationImportController(CallerScope callers, OrganisationImport organisationImport) {
		this.callers = callers;
		this.organisationImport = organisationImport;
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template() {
		requireAdmin();
		return XlsxDownload.of("组织机构导入模板.xlsx", OrganisationTable.template());
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	OrganisationImport.Result upload(@RequestPart("file") MultipartFile file,
			@RequestPart(name = "initialPassword", required = false) String initialPassword) throws IOException {
		requireAdmin();
		List<Line> lines = SheetRows.read(file.getOriginalFilename(), file.getInputStream(), OrganisationTable.COLUMNS);
		return organisationImport.apply(lines, blankToNull(initialPassword));
	}

	@PostMapping(consumes = "text/csv")
	OrganisationImport.Result csv(@RequestBody byte[] body,
			@RequestHeader(name = PASSWORD_HEADER, required = false) String initialPassword) {
		requireAdmin();
		return organisationImport.apply(SheetRows.readCsv(body, OrganisationTable.COLUMNS), blankToNull(initialPassword));
	}

	@ExceptionHandler(SheetRejected.class)
	ResponseEntity<Map<String, Object>> rejected(SheetRejected e) {
		return ResponseEntity.badRequest().body(SheetRows.errorBody("组织机构", e));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<Map<String, Object>> missingFile(MissingServletRequestPartException e) {
		return rejected(new SheetRejected(
				List.of(SheetRejected.Problem.of(e.getRequestPartName(), "缺少上传字段 " + e.getRequestPartName()))));
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

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	static final class AdminOnly extends RuntimeException {

		AdminOnly() {
			super("只有系统管理员可以导入组织机构");
		}

	}

}
