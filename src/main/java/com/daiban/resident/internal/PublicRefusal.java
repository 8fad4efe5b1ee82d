package com.daiban.resident.internal;

import org.springframework.http.HttpStatus;

/** A public request answered with a Chinese message and a status, never with anything the caller did not give. */
class PublicRefusal extends RuntimeException {

	/** The one answer for a wrong number and a wrong phone alike: nobody learns which numbers exist. */
	static final String NO_MATCH = "没有查到：编号或手机号后4位不正确，请核对短信中的编号";

	private final HttpStatus status;

	private final String field;

	PublicRefusal(HttpStatus status, String message) {
		this(status, null, message);
	}

	PublicRefusal(HttpStatus status, String field, String message) {
		super(message);
		this.status = status;
		this.field = field;
	}

	static PublicRefusal noMatch() {
		return new PublicRefusal(HttpStatus.NOT_FOUND, NO_MATCH);
	}

	static PublicRefusal invalid(String field, String message) {
		return new PublicRefusal(HttpStatus.BAD_REQUEST, field, message);
	}

	HttpStatus status() {
		return status;
	}

	String field() {
		return field;
	}

}
