package com.daiban.engine;

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
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter sets it up, plus one correction: starting a process whose first step refuses the
 * input (unknown village, expression in a text) is the client's error, answered 400 with the step's message. The stock
 * resource reports every engine exception during a start as 500.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

	@Override
	protected void registerAdditionalResources() {
		register(InputRefusedMapper.class);
	}

	@Priority(1)
	static class InputRefusedMapper implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
			Throwable cause = exception.getCause();
			while (cause != null && !(cause instanceof FormFieldValidationException)
					&& !(cause instanceof BadUserRequestException) && !(cause instanceof AuthorizationException)) {
				cause = cause.getCause();
			}
			Response.Status status = cause instanceof AuthorizationException ? Response.Status.FORBIDDEN
					: cause != null ? Response.Status.BAD_REQUEST
							: exception.getStatus() == null ? Response.Status.INTERNAL_SERVER_ERROR : exception.getStatus();
			String type = cause == null ? exception.getClass().getSimpleName() : cause.getClass().getSimpleName();
			String message = cause == null ? exception.getMessage() : cause.getMessage();
			return Response.status(status)
				.type(MediaType.APPLICATION_JSON_TYPE)
				.entity(Map.of("type", type, "message", message == null ? "" : message))
				.build();
		}

	}

}
