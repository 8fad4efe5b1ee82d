package com.daiban.sheet;

import java.util.List;
import java.util.stream.Collectors;

/** An uploaded table refused as a whole: every problem found, each naming its row and column. */
public class SheetRejected extends RuntimeException {

	private final List<Problem> problems;

	public SheetRejected(List<Problem> problems) {
		super(problems.stream().limit(20).map(Problem::message).collect(Collectors.joining("；")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	/** @param row the spreadsheet's row number (header = 1), 0 for a problem outside the table */
	public record Problem(int row, String column, String message) {

		public static Problem of(int row, String column, String text) {
			return new Problem(row, column,
					"第" + row + "行" + (column == null ? "" : "「" + column + "」") + "：" + text);
		}

		public static Problem of(String field, String text) {
			return new Problem(0, field, text);
		}

	}

}
