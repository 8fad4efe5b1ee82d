package com.daiban.bench;

import java.nio.file.Path;

/**
 * Sizes and the server of one benchmark run. Every size is a system property {@code bench.<name>} or an environment
 * variable {@code BENCH_<NAME>}; the defaults are the full sizes of docs/performance.md.
 */
record BenchSettings(int agents, int lifecycles, int rounds, int warmup, int storm, int quietSeconds, int historic,
		int open, int openLarge, int samples, int pgbenchSeconds, boolean startup, String host, int port, String user,
		String password, Path workDir, java.util.Set<String> parts) {

	BenchSettings {
		if (rounds < 1 || rounds > lifecycles) {
			throw new IllegalArgumentException("BENCH_P1_ROUNDS must be between 1 and BENCH_LIFECYCLES, not " + rounds);
		}
	}

	/** Every part; {@code BENCH_PARTS=p1,p3} runs a subset (for tuning one part), the table then shows only those. */
	static final java.util.Set<String> ALL_PARTS = java.util.Set.of("p1", "p2", "p3");

	static BenchSettings fromEnvironment() {
		return new BenchSettings(number("agents", 8), number("lifecycles", 1500), number("p1-rounds", 3),
				number("warmup", 150),
				number("storm", 10_000), number("quiet-seconds", 70), number("historic", 1_000_000),
				number("open", 20_000), number("open-large", 200_000), number("samples", 200),
				number("pgbench-seconds", 20), Boolean.parseBoolean(text("startup", "true")), text("pg-host", "localhost"),
				number("pg-port", 54329), text("pg-user", "postgres"), text("pg-password", "postgres"),
				Path.of(text("work-dir", "target/bench")), parts(text("parts", "p1,p2,p3")));
	}

	/** Seconds-long sizes for the smoke test that keeps the harness from rotting. */
	static BenchSettings smoke(String host, int port, String user, String password, Path workDir) {
		return new BenchSettings(2, 6, 2, 2, 4, 1, 2_000, 60, 120, 5, 2, true, host, port, user, password, workDir,
				ALL_PARTS);
	}

	boolean runs(String part) {
		return parts.contains(part);
	}

	private static java.util.Set<String> parts(String list) {
		java.util.Set<String> parts = new java.util.TreeSet<>();
		for (String part : list.toLowerCase(java.util.Locale.ROOT).split(",")) {
			if (!part.isBlank()) {
				if (!ALL_PARTS.contains(part.trim())) {
					throw new IllegalArgumentException("BENCH_PARTS: unknown part '" + part.trim() + "', known: " + ALL_PARTS);
				}
				parts.add(part.trim());
			}
		}
		return parts;
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	String describe() {
		return "agents=%d lifecycles=%d in %d rounds (+%d warm-up) storm=%d quiet=%ds historic=%d open=%d open-large=%d samples=%d parts=%s"
			.formatted(agents, lifecycles, rounds, warmup, storm, quietSeconds, historic, open, openLarge, samples,
					String.join(",", parts));
	}

	private static int number(String name, int fallback) {
		return Integer.parseInt(text(name, Integer.toString(fallback)).replace("_", ""));
	}

	private static String text(String name, String fallback) {
		String value = System.getProperty("bench." + name);
		if (value == null) {
			value = System.getenv("BENCH_" + name.toUpperCase().replace('-', '_'));
		}
		return value == null || value.isBlank() ? fallback : value;
	}

}
