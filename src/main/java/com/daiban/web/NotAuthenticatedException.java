package com.daiban.web;

/** No person behind the request: answered 401. */
public class NotAuthenticatedException extends RuntimeException {

	public NotAuthenticatedException() {
		super("需要登录");
	}

}
