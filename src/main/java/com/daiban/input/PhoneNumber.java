package com.daiban.input;

import java.util.regex.Pattern;

/**
 * A resident's phone as the source's service cards print them: an 11-digit mobile, or a landline with area code.
 * People type them with spaces and dashes ("138 1234 5678", "0573-8888 1234"): those are accepted and removed.
 */
public final class PhoneNumber {

	/** What may be typed: the digits of a mobile or a landline, with a space or a dash between any two of them. */
	public static final String PATTERN = "1[3-9](?:[ -]?\\d){9}|0\\d(?:[ -]?\\d){8,10}";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private PhoneNumber() {
	}

	public static boolean isValid(String value) {
		return value != null && VALID.matcher(value.strip()).matches();
	}

	/** The digits alone, as stored and dialled; a value that is no phone number comes back unchanged. */
	public static String normalise(String value) {
		return isValid(value) ? value.replaceAll("[^0-9]", "") : value;
	}

	/** Whether a text message can reach it: landlines receive none. */
	public static boolean isMobile(String value) {
		return value != null && MOBILE.matcher(normalise(value)).matches();
	}

	/** The phone as shown to staff who only need to know it is there: {@code 138****5678}. */
	public static String masked(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone;
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
