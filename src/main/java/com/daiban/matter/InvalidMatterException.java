package com.daiban.matter;

import com.daiban.web.InvalidInputException;

public class InvalidMatterException extends InvalidInputException {

	public InvalidMatterException(String field, String message) {
		super(field, message);
	}

}
