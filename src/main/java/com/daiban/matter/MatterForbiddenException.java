package com.daiban.matter;

import com.daiban.web.ForbiddenException;

public class MatterForbiddenException extends ForbiddenException {

	public MatterForbiddenException(String message) {
		super(message);
	}

}
