package com.daiban.web;

/** Input naming something that does not exist or may not be used; answered 400 with the offending field. */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
