package com.daiban.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.daiban.input.PlainText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a Camunda form ({@code forms/*.form}) as the guard needs them: which a person may enter, and the rules
 * the form itself states for each (required, length, pattern, choices). Read-only and disabled fields only display.
 */
final class FormFields {

	/** No form: nothing may be entered. */
	static final FormFields NONE = new FormFields(Map.of());

	/** Text without its own limit still has one: nothing typed into a form needs more. */
	static final int TEXT_LIMIT = 5000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "datetime", "password");

	private static final Set<String> CHOICE_TYPES = Set.of("select", "radio");

	private final Map<String, Field> fields;

	private FormFields(Map<String, Field> fields) {
		this.fields = fields;
	}

	Field field(String key) {
		return fields.get(key);
	}

	Collection<Field> all() {
		return fields.values();
	}

	static FormFields parse(byte[] form) {
		try {
			Map<String, Field> fields = new LinkedHashMap<>();
			collect(JSON.readTree(form).path("components"), fields);
			return new FormFields(Map.copyOf(fields));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void collect(JsonNode components, Map<String, Field> fields) {
		for (JsonNode component : components) {
			if (component.hasNonNull("key")) {
				Field field = Field.of(component);
				fields.merge(field.key(), field, (first, second) -> first.editable() ? first : second);
			}
			collect(component.path("components"), fields);
		}
	}

	record Field(String key, String label, String type, boolean editable, boolean required, Integer minLength,
			Integer maxLength, String pattern, Set<String> choices, Double min, Double max) {

		static Field of(JsonNode component) {
			JsonNode validate = component.path("validate");
			JsonNode readonly = component.path("readonly");
			// an expression for read-only ("=...") may make the field read-only at any time: treat it as read-only
			boolean displayOnly = component.path("disabled").asBoolean(false)
					|| (readonly.isBoolean() ? readonly.asBoolean() : !readonly.isMissingNode() && !readonly.isNull());
			Set<String> choices = new LinkedHashSet<>();
			component.path("values").forEach(value -> choices.add(value.path("value").asText()));
			return new Field(component.get("key").asText(), component.path("label").asText(component.get("key").asText()),
					component.path("type").asText(), !displayOnly, validate.path("required").asBoolean(false),
					validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
					validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
					validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null, Set.copyOf(choices),
					validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
					validate.hasNonNull("max") ? validate.get("max").asDouble() : null);
		}

		String name() {
			return label + "（" + key + "）";
		}

		/** Why the value does not fit the field, in words for the person who entered it; null when it fits. */
		String problem(Object value) {
			if (value == null) {
				return null;
			}
			if (TEXT_TYPES.contains(type) || CHOICE_TYPES.contains(type)) {
				if (!(value instanceof String text)) {
					return name() + "应为文本";
				}
				if (CHOICE_TYPES.contains(type) && !choices.isEmpty()) {
					return text.isEmpty() || choices.contains(text) ? null
							: name() + "必须是以下之一：" + String.join("、", choices);
				}
				int limit = maxLength == null ? TEXT_LIMIT : maxLength;
				if (text.length() > limit) {
					return name() + "不能超过" + limit + "字";
				}
				if (minLength != null && !text.isEmpty() && text.length() < minLength) {
					return name() + "不能少于" + minLength + "字";
				}
				if (!PlainText.Validator.isPlain(text)) {
					return name() + "不能包含尖括号、表达式符号或控制字符";
				}
				if (pattern != null && !text.isEmpty() && !matches(pattern, text)) {
					return name() + "格式不正确";
				}
				return null;
			}
			if ("number".equals(type)) {
				if (!(value instanceof Number number)) {
					return name() + "应为数字";
				}
				if (min != null && number.doubleValue() < min || max != null && number.doubleValue() > max) {
					return name() + "超出允许范围";
				}
				return null;
			}
			if ("checkbox".equals(type)) {
				return value instanceof Boolean ? null : name() + "应为是或否";
			}
			if (value instanceof List<?> list) {
				return list.stream().allMatch(item -> item instanceof String text && PlainText.Validator.isPlain(text)
						&& (choices.isEmpty() || choices.contains(text))) ? null : name() + "包含不允许的选项";
			}
			return name() + "的取值类型不正确";
		}

		private static boolean matches(String pattern, String text) {
			try {
				return Pattern.compile(pattern).matcher(text).matches();
			}
			catch (PatternSyntaxException e) {
				// a pattern Java cannot read is the analyst's mistake, not the person's: the other rules still hold
				return true;
			}
		}

	}

}
