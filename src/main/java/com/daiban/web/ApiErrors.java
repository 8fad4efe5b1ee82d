package com.daiban.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.daiban.identity.CallerScope.NotAuthenticatedException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the domain API as one JSON shape: {@code {status, error, message, field?, fields?}} with a Chinese
 * message a clerk can act on. Nothing internal (stack traces, SQL) leaves the server.
 */
@RestControllerAdvice(basePackages = "com.daiban")
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
		return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), null);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Map<String, Object>> notValid(MethodArgumentNotValidException e) {
		Map<String, String> fields = new LinkedHashMap<>();
		e.getBindingResult().getFieldErrors().forEach(error -> fields.putIfAbsent(error.getField(), error.getDefaultMessage()));
		String first = fields.keySet().stream().findFirst().orElse(null);
		return body(HttpStatus.BAD_REQUEST, first == null ? "输入不合法" : first + "：" + fields.get(first), first, fields);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<Map<String, Object>> parameterNotValid(HandlerMethodValidationException e) {
		String message = e.getAllErrors().stream().findFirst().map(error -> error.getDefaultMessage()).orElse("输入不合法");
		return body(HttpStatus.BAD_REQUEST, message, null, null);
	}

	@ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
	ResponseEntity<Map<String, Object>> constraintViolated(jakarta.validation.ConstraintViolationException e) {
		String message = e.getConstraintViolations().stream().findFirst().map(v -> v.getMessage()).orElse("输入不合法");
		return body(HttpStatus.BAD_REQUEST, message, null, null);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
			String field = fieldPath(unknown.getPath());
			return body(HttpStatus.BAD_REQUEST, "未知字段：" + field, field, null);
		}
		if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = fieldPath(mismatch.getPath());
			String message = mismatch instanceof InvalidFormatException ? "字段类型或取值不正确：" + field
					: "字段类型不正确：" + field;
			return body(HttpStatus.BAD_REQUEST, message, field, null);
		}
		return body(HttpStatus.BAD_REQUEST, "请求体不是合法的 JSON", null, null);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<Map<String, Object>> badParameter(Exception e) {
		String name = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
				: ((MethodArgumentTypeMismatchException) e).getName();
		return body(HttpStatus.BAD_REQUEST, "查询参数缺失或格式不正确：" + name, name, null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
		return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 application/json 提交", null, null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
		return body(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法：" + e.getMethod(), null, null);
	}

	@ExceptionHandler(ForbiddenException.class)
	ResponseEntity<Map<String, Object>> forbidden(ForbiddenException e) {
		return body(HttpStatus.FORBIDDEN, e.getMessage(), null, null);
	}

	@ExceptionHandler({ NotFoundException.class, NoResourceFoundException.class })
	ResponseEntity<Map<String, Object>> notFound(Exception e) {
		return body(HttpStatus.NOT_FOUND, e instanceof NotFoundException ? e.getMessage() : "没有这个地址", null, null);
	}

	@ExceptionHandler(NotAuthenticatedException.class)
	ResponseEntity<Map<String, Object>> unauthenticated(NotAuthenticatedException e) {
		return body(HttpStatus.UNAUTHORIZED, e.getMessage(), null, null);
	}

	@ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
	ResponseEntity<Map<String, Object>> engineForbidden(org.camunda.bpm.engine.AuthorizationException e) {
		return body(HttpStatus.FORBIDDEN, "无权执行此操作", null, null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception e) {
		log.error("unexpected error in the domain API", e);
		return body(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后重试", null, null);
	}

	private static String fieldPath(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
		StringBuilder out = new StringBuilder();
		for (var reference : path) {
			if (reference.getFieldName() != null) {
				out.append(out.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
		}
		return out.toString();
	}

	private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, String field,
			Map<String, String> fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		if (field != null) {
			body.put("field", field);
		}
		if (fields != null && fields.size() > 1) {
			body.put("fields", fields);
		}
		return ResponseEntity.status(status).body(body);
	}

}
