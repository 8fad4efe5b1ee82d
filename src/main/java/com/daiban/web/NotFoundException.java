package com.daiban.web;

/** Nothing the caller may see under that name; answered 404 (also when it exists elsewhere, so nothing leaks). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
