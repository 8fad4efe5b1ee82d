package com.daiban.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import com.daiban.web.InvalidInputException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter sets it up, plus one correction: input a step or the variable guard refuses
 * (unknown village, expression in a text, a variable the form does not offer) is the client's error, answered 400 with
 * the Chinese message and the field, as the domain API answers: {@code {status, error, message, field}}. The stock
 * resources report every engine exception during a start as 500, and our own exceptions thrown by a delegate during an
 * engine REST call are not theirs at all.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

	@Override
	protected void registerAdditionalResources() {
		register(InputRefusedMapper.class);
		register(InvalidInputMapper.class);
	}

	@Priority(1)
	static class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

		@Override
		public Response toResponse(InvalidInputException exception) {
			return body(Response.Status.BAD_REQUEST, exception.getClass().getSimpleName(), exception.getMessage(),
					exception.field());
		}

	}

	@Priority(1)
	static class InputRefusedMapper implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
			Throwable cause = exception.getCause();
			while (cause != null && !(cause instanceof FormFieldValidationException)
					&& !(cause instanceof BadUserRequestException) && !(cause instanceof AuthorizationException)
					&& !(cause instanceof InvalidInputException)) {
				cause = cause.getCause();
			}
			Response.Status status = cause instanceof AuthorizationException ? Response.Status.FORBIDDEN
					: cause != null ? Response.Status.BAD_REQUEST
							: exception.getStatus() == null ? Response.Status.INTERNAL_SERVER_ERROR : exception.getStatus();
			String type = cause == null ? exception.getClass().getSimpleName() : cause.getClass().getSimpleName();
			String message = cause == null ? exception.getMessage() : cause.getMessage();
			String field = cause instanceof FormFieldValidationException refused && refused.getDetail() instanceof String id ? id
					: cause instanceof InvalidInputException invalid ? invalid.field() : null;
			return body(status, type, message, field);
		}

	}

	private static Response body(Response.Status status, String type, String message, String field) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.getStatusCode());
		body.put("error", status.getReasonPhrase());
		body.put("type", type);
		body.put("message", message == null ? "" : message);
		if (field != null) {
			body.put("field", field);
		}
		return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

}
