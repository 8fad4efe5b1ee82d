package com.daiban.notification.internal;

import java.util.List;
import java.util.Map;

import com.daiban.identity.CallerScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The administrator sees which notices could not be delivered, newest first, optionally for one matter. */
@RestController
class NotificationFailureController {

	private final CallerScope callers;

	private final NotificationFailures failures;

	NotificationFailureController(CallerScope callers, NotificationFailures failures) {
		this.callers = callers;
		this.failures = failures;
	}

	@GetMapping("/api/admin/notification-failures")
	ResponseEntity<?> failures(@RequestParam(required = false) String matterNo) {
		if (!callers.current().isAdmin()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("status", 403, "error", "Forbidden", "message", "只有系统管理员可以查看发送失败的通知"));
		}
		List<NotificationFailures.Failure> recent = failures.recent(matterNo == null || matterNo.isBlank() ? null : matterNo,
				200);
		return ResponseEntity.ok(recent);
	}

}
