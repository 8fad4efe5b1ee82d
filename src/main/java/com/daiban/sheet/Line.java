package com.daiban.sheet;

import java.util.Map;

/** One data row of an uploaded table: its number in the sheet (header = 1) and its cells by column, trimmed. */
public record Line(int number, Map<String, String> cells) {

	public Line {
		cells = Map.copyOf(cells);
	}

	public String get(String column) {
		return cells.getOrDefault(column, "");
	}

}
