package com.daiban.input;

import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads values that people typed into start and task forms (or sent to the engine REST API). A value of the wrong type,
 * too long, outside its choices or carrying markup/expressions is refused with a 400 naming the field; the engine rolls
 * the whole step back, so the task stays open and nothing is recorded.
 */
public final class ProcessInput {

	private ProcessInput() {
	}

	public static String text(VariableScope scope, String name, String label, int maxLength, boolean required) {
		Object value = scope.getVariable(name);
		if (value == null || (value instanceof String text && text.isBlank())) {
			if (required) {
				throw new FormFieldValidationException(name, label + "（" + name + "）为必填项");
			}
			return null;
		}
		if (!(value instanceof String text)) {
			throw new FormFieldValidationException(name, label + "（" + name + "）应为文本");
		}
		if (text.length() > maxLength) {
			throw new FormFieldValidationException(name, label + "（" + name + "）不能超过" + maxLength + "字");
		}
		if (!PlainText.Validator.isPlain(text)) {
			throw new FormFieldValidationException(name, label + "（" + name + "）不能包含尖括号、表达式符号或控制字符");
		}
		return text;
	}

	public static String choice(VariableScope scope, String name, String label, Set<String> choices) {
		Object value = scope.getVariable(name);
		if (!(value instanceof String text) || !choices.contains(text)) {
			throw new FormFieldValidationException(name, label + "（" + name + "）必须是以下之一：" + String.join("、", choices));
		}
		return text;
	}

}
