package com.daiban.resident.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The public API's refusals in the domain API's error shape {@code {status, error, message, field?}}. */
@RestControllerAdvice(assignableTypes = PublicController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicErrors {

	@ExceptionHandler(PublicRefusal.class)
	ResponseEntity<Map<String, Object>> refused(PublicRefusal refusal) {
		return ResponseEntity.status(refusal.status()).body(body(refusal.status().value(),
				refusal.status().getReasonPhrase(), refusal.getMessage(), refusal.field()));
	}

	static Map<String, Object> body(int status, String error, String message, String field) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status);
		body.put("error", error);
		body.put("message", message);
		if (field != null) {
			body.put("field", field);
		}
		return body;
	}

}
