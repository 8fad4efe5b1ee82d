package com.daiban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.daiban.identity.CallerScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A person sets their own password (HTTP basic with the current one), e.g. replacing the initial password. */
@RestController
class AccountController {

	private final CallerScope callers;

	private final FirstLogin firstLogin;

	AccountController(CallerScope callers, FirstLogin firstLogin) {
		this.callers = callers;
		this.firstLogin = firstLogin;
	}

	record PasswordChange(@NotBlank(message = "请填写新密码") @Size(min = 8, max = 64, message = "新密码应为 8 到 64 个字符") String newPassword) {
	}

	@PostMapping(FirstLogin.CHANGE_PATH)
	ResponseEntity<Map<String, Object>> change(@Valid @RequestBody PasswordChange change,
			@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		String userId = callers.current().userId();
		// the request authenticated with HTTP basic: its header holds the current password
		String current = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		if (current.equals(userId + ":" + change.newPassword())) {
			return ResponseEntity.badRequest()
				.body(Map.of("status", 400, "message", "新密码不能与当前密码相同", "field", "newPassword"));
		}
		firstLogin.change(userId, change.newPassword());
		return ResponseEntity.status(HttpStatus.OK).body(Map.of("userId", userId, "message", "密码已修改"));
	}

}
