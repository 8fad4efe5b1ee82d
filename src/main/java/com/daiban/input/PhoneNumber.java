package com.daiban.input;

import java.util.regex.Pattern;

/** A resident's phone as the source's service cards print them: an 11-digit mobile, or a landline with area code. */
public final class PhoneNumber {

	public static final String PATTERN = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	private PhoneNumber() {
	}

	public static boolean isValid(String value) {
		return value != null && VALID.matcher(value).matches();
	}

}
