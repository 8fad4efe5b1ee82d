package com.daiban.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Answers the plain FEEL that our decision tables are made of directly, and hands everything else to the FEEL engine
 * it wraps (Camunda's Scala FEEL engine) unchanged:
 * <ul>
 * <li>an expression that is a variable name whose value is a text or a yes/no ({@code category}, {@code matterRunning});</li>
 * <li>a text literal without escapes ({@code "P1D"}), {@code true} and {@code false};</li>
 * <li>a text literal joined with a text variable ({@code "township-" + townshipCode});</li>
 * <li>unary tests that list text literals ({@code "TOWNSHIP"}, {@code "A","B"}) against a text input, and {@code true}
 * or {@code false} against a yes/no input.</li>
 * </ul>
 * The Scala engine parses each expression and builds its whole context of built-in functions on every evaluation; in the
 * benchmark's P1 that was about a sixth of the JVM's CPU per matter, for a decision of four inputs and four outputs
 * (docs/performance.md, "Less work per matter"). The answers are the Scala engine's own:
 * {@code PlainFeelEngineTests} compares the two on every shape above and on the shapes that must be handed over.
 */
class PlainFeelEngine implements FeelEngine {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** Words that are FEEL syntax, never variable names here. */
	private static final Set<String> RESERVED = Set.of("true", "false", "null", "not", "and", "or", "in", "for", "return",
			"if", "then", "else", "some", "every", "satisfies", "instance", "of", "between", "function", "external");

	private final FeelEngine full;

	PlainFeelEngine(FeelEngine full) {
		this.full = full;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
		Object plain = plainValue(expression.strip(), variables);
		return plain != null ? (T) plain : full.evaluateSimpleExpression(expression, variables);
	}

	@Override
	public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
		Object input = plainVariable(inputVariable, variables);
		String tests = expression.strip();
		if (input instanceof String text) {
			List<String> literals = textLiterals(tests);
			if (literals != null) {
				return literals.contains(text);
			}
		}
		else if (input instanceof Boolean yesNo && (tests.equals("true") || tests.equals("false"))) {
			return yesNo == Boolean.parseBoolean(tests);
		}
		return full.evaluateSimpleUnaryTests(expression, inputVariable, variables);
	}

	/** The value of a plain expression, or null when the expression is not plain and the full engine must answer. */
	private static Object plainValue(String expression, VariableContext variables) {
		if (expression.equals("true") || expression.equals("false")) {
			return Boolean.valueOf(expression);
		}
		String literal = textLiteral(expression);
		if (literal != null) {
			return literal;
		}
		if (NAME.matcher(expression).matches()) {
			return RESERVED.contains(expression) ? null : plainVariable(expression, variables);
		}
		int plus = expression.indexOf('+');
		if (plus > 0 && expression.startsWith("\"")) {
			String prefix = textLiteral(expression.substring(0, plus).strip());
			String name = expression.substring(plus + 1).strip();
			if (prefix != null && NAME.matcher(name).matches() && !RESERVED.contains(name)
					&& plainVariable(name, variables) instanceof String value) {
				return prefix + value;
			}
		}
		return null;
	}

	/** A variable's value when it is a text or a yes/no; null for anything else, which the full engine maps. */
	private static Object plainVariable(String name, VariableContext variables) {
		if (!variables.containsVariable(name)) {
			return null;
		}
		TypedValue typed = variables.resolve(name);
		Object value = typed == null ? null : typed.getValue();
		return value instanceof String || value instanceof Boolean ? value : null;
	}

	/** The text of a literal such as {@code "P1D"}; null unless it is one literal without escapes. */
	private static String textLiteral(String expression) {
		if (expression.length() < 2 || !expression.startsWith("\"") || !expression.endsWith("\"")) {
			return null;
		}
		String text = expression.substring(1, expression.length() - 1);
		return text.indexOf('"') < 0 && text.indexOf('\\') < 0 ? text : null;
	}

	/** The texts of {@code "A","B",…}; null unless every test is a plain text literal. */
	private static List<String> textLiterals(String tests) {
		List<String> literals = new ArrayList<>();
		for (String test : tests.split(",", -1)) {
			String literal = textLiteral(test.strip());
			if (literal == null) {
				return null;
			}
			literals.add(literal);
		}
		return literals;
	}

}
