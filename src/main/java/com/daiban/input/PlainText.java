package com.daiban.input;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Free text from residents and staff: no markup, no control characters, no expression syntax. Such text is shown in
 * Tasklist and Cockpit and passes through the engine, so it is refused at the door rather than escaped everywhere.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface PlainText {

	String message() default "不能包含尖括号、表达式符号（美元号或井号加花括号）或控制字符";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || isPlain(value);
		}

		public static boolean isPlain(String value) {
			if (value.contains("${") || value.contains("#{") || value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
				return false;
			}
			return value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
		}

	}

}
