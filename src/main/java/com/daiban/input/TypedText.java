package com.daiban.input;

import com.daiban.web.InvalidInputException;

/**
 * The rule for text a person types in (an API body, a start or task form), written once: present when required,
 * within its length, plain ({@link PlainText}). Messages are Chinese and name the field, e.g. 「事项说明（description）不能超过2000字」.
 */
public final class TypedText {

	private TypedText() {
	}

	/** What is wrong with {@code value}, or {@code null} when it may be used (a missing optional value may). */
	public static String problem(String field, String label, Object value, int maxLength, boolean required) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return required ? label + "（" + field + "）为必填项" : null;
		}
		if (!(value instanceof String text)) {
			return label + "（" + field + "）应为文本";
		}
		if (text.length() > maxLength) {
			return label + "（" + field + "）不能超过" + maxLength + "字";
		}
		if (!PlainText.Validator.isPlain(text)) {
			return label + "（" + field + "）不能包含尖括号、表达式符号或控制字符";
		}
		return null;
	}

	/** The required text, or a 400 naming the field. */
	public static String required(String field, String label, String value, int maxLength) {
		String problem = problem(field, label, value, maxLength, true);
		if (problem != null) {
			throw new InvalidInputException(field, problem);
		}
		return value;
	}

}
