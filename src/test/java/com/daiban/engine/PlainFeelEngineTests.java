package com.daiban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain FEEL answers are the Scala engine's own answers, and everything else is handed to it. */
class PlainFeelEngineTests {

	private final FeelEngine scala = new ScalaFeelEngineFactory().createInstance();

	private final List<String> handedOver = new ArrayList<>();

	private final PlainFeelEngine plain = new PlainFeelEngine(new FeelEngine() {

		@Override
		public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
			handedOver.add(expression);
			return scala.evaluateSimpleExpression(expression, variables);
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
			handedOver.add(expression);
			return scala.evaluateSimpleUnaryTests(expression, inputVariable, variables);
		}

	});

	private static VariableContext matter() {
		return Variables.createVariables()
			.putValue("category", "SOCIAL")
			.putValue("townshipCode", "T01")
			.putValue("matterRunning", true)
			.putValue("days", 3)
			.putValue("nothing", null)
			.asVariableContext();
	}

	private static VariableContext input(Object value) {
		VariableMap variables = Variables.createVariables().putValue("cellInput", value);
		return variables.asVariableContext();
	}

	@ParameterizedTest
	@ValueSource(strings = { "category", " category ", "matterRunning", "\"P1D\"", "\"\"", "\"镇便民服务中心\"",
			"\"a+b\"", "true", "false", "\"township-\" + townshipCode", "\"township-\"+townshipCode" })
	void answersPlainExpressionsItselfAsTheScalaEngineDoes(String expression) {
		Object expected = scala.evaluateSimpleExpression(expression, matter());

		assertThat((Object) plain.evaluateSimpleExpression(expression, matter())).isEqualTo(expected).isNotNull();
		assertThat(handedOver).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "days", "nothing", "missing", "null", "1 + 2", "\"a\\\"b\"", "\"a\" + \"b\"",
			"\"t-\" + days", "\"t-\" + nothing", "upper case(category)", "category = \"SOCIAL\"", "not" })
	void handsEverythingElseToTheScalaEngine(String expression) {
		assertSameOutcome(variables -> scala.evaluateSimpleExpression(expression, variables),
				variables -> plain.evaluateSimpleExpression(expression, variables), matter());
		assertThat(handedOver).containsExactly(expression);
	}

	@Test
	void answersTextListsAndYesNoTestsItselfAsTheScalaEngineDoes() {
		Object[][] cases = { { "\"TOWNSHIP\"", "TOWNSHIP" }, { "\"TOWNSHIP\"", "CITY" }, { "\"A\",\"B\"", "B" },
				{ " \"A\", \"B\" ", "C" }, { "\"\"", "" }, { "true", true }, { "false", true }, { "false", false } };
		for (Object[] test : cases) {
			String expression = (String) test[0];
			boolean expected = scala.evaluateSimpleUnaryTests(expression, "cellInput", input(test[1]));

			assertThat(plain.evaluateSimpleUnaryTests(expression, "cellInput", input(test[1])))
				.as("%s against %s", expression, test[1])
				.isEqualTo(expected);
		}
		assertThat(handedOver).isEmpty();
	}

	@Test
	void handsOtherUnaryTestsToTheScalaEngine() {
		Object[][] cases = { { "\"A\"", null }, { "\"3\"", 3 }, { "< 3", 2 }, { "not(\"A\")", "B" },
				{ "\"a,b\"", "a,b" }, { "\"A\",-", "C" }, { "true", "true" }, { "\"A\" , B", "A" } };
		for (Object[] test : cases) {
			String expression = (String) test[0];
			assertSameOutcome(variables -> scala.evaluateSimpleUnaryTests(expression, "cellInput", variables),
					variables -> plain.evaluateSimpleUnaryTests(expression, "cellInput", variables), input(test[1]));
		}
		assertThat(handedOver).hasSize(cases.length);
	}

	private static void assertSameOutcome(Function<VariableContext, Object> expected, Function<VariableContext, Object> actual,
			VariableContext variables) {
		assertThat(Outcome.of(actual, variables)).isEqualTo(Outcome.of(expected, variables));
	}

	/** A value, or the kind of failure. */
	private record Outcome(Object value, Class<?> failure) {

		static Outcome of(Function<VariableContext, Object> evaluation, VariableContext variables) {
			try {
				return new Outcome(evaluation.apply(variables), null);
			}
			catch (RuntimeException e) {
				return new Outcome(null, e.getClass());
			}
		}

	}

}
