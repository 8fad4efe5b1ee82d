package com.daiban.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table a run prints: every figure of the run, its baselines beside it, and the target it is held to. */
final class BenchTable {

	static final String[] HEADER = { "figure", "baseline", "ours", "ratio", "target", "met" };

	private final List<String[]> rows = new ArrayList<>();

	private final String title;

	BenchTable(String title) {
		this.title = title;
	}

	void section(String name) {
		rows.add(new String[] { "**" + name + "**", "", "", "", "", "" });
	}

	void add(String figure, String baseline, String ours, String ratio, String target, Boolean met) {
		rows.add(new String[] { figure, baseline, ours, ratio, target, met == null ? "" : met ? "met" : "NOT met" });
	}

	List<String[]> rows() {
		return rows;
	}

	static String num(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
	}

	static String ratio(double ours, double baseline) {
		return baseline > 0 && !Double.isNaN(ours) && !Double.isNaN(baseline) ? num(ours / baseline) + "×" : "n/a";
	}

	String markdown() {
		StringBuilder out = new StringBuilder(title).append("\n\n");
		line(out, HEADER);
		String[] rule = new String[HEADER.length];
		java.util.Arrays.fill(rule, "---");
		line(out, rule);
		rows.forEach(row -> line(out, row));
		return out.toString();
	}

	private static void line(StringBuilder out, String[] cells) {
		out.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

}
