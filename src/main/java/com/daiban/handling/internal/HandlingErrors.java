package com.daiban.handling.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 409 in the domain API's error shape ({@code {status, error, message}}); every other error is mapped centrally. */
@RestControllerAdvice(assignableTypes = HandlingController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HandlingErrors {

	@ExceptionHandler(HandlingConflictException.class)
	ResponseEntity<Map<String, Object>> conflict(HandlingConflictException e) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", HttpStatus.CONFLICT.value());
		body.put("error", HttpStatus.CONFLICT.getReasonPhrase());
		body.put("message", e.getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
	}

}
