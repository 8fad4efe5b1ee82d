package com.daiban.handling.internal;

/** The matter's state does not allow the operation now (resume when not paused, transfer after close): 409. */
class HandlingConflictException extends RuntimeException {

	HandlingConflictException(String message) {
		super(message);
	}

}
