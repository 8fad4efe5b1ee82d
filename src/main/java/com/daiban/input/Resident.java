package com.daiban.input;

import com.daiban.web.InvalidInputException;

/**
 * A resident as staff take them down, whether they ask for a matter (委托人) or complain (投诉人): a name and a phone
 * to reach them. Only {@link #of} makes one, so every resident in the system passed the same rule.
 */
public record Resident(String name, String phone) {

	public static final int NAME_MAX_LENGTH = 64;

	/**
	 * Checks what was typed in; a refusal is a 400 naming {@code field.name} or {@code field.phone}.
	 *
	 * @param field the input's field, e.g. {@code resident} or {@code complainant}
	 * @param label how the form calls the person, e.g. 委托人 or 投诉人
	 */
	public static Resident of(String field, String label, String name, String phone) {
		TypedText.required(field + ".name", label + "姓名", name, NAME_MAX_LENGTH);
		String phoneField = field + ".phone";
		if (phone == null || phone.isBlank()) {
			throw new InvalidInputException(phoneField, label + "联系电话（" + phoneField + "）为必填项");
		}
		if (!PhoneNumber.isValid(phone)) {
			throw new InvalidInputException(phoneField,
					label + "联系电话（" + phoneField + "）格式不正确：手机号11位，或带区号的固定电话");
		}
		return new Resident(name, PhoneNumber.normalise(phone));
	}

}
