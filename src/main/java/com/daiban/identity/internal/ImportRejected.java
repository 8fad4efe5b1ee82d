package com.daiban.identity.internal;

import java.util.List;
import java.util.stream.Collectors;

/** The organisation file is refused as a whole: every problem found, each naming its row and column. */
class ImportRejected extends RuntimeException {

	private final List<Problem> problems;

	ImportRejected(List<Problem> problems) {
		super(problems.stream().limit(20).map(Problem::message).collect(Collectors.joining("；")));
		this.problems = List.copyOf(problems);
	}

	List<Problem> problems() {
		return problems;
	}

	record Problem(int row, String column, String message) {

		static Problem of(int row, String column, String text) {
			return new Problem(row, column,
					"第" + row + "行" + (column == null ? "" : "「" + column + "」") + "：" + text);
		}

	}

}
