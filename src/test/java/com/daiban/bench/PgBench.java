package com.daiban.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench on the same server, with a script doing as many single-row write commits as one of our lifecycles needs: the
 * rate the database alone could sustain, so the lifecycle figure shows how much headroom the database has left.
 */
final class PgBench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

	private final BenchSettings settings;

	PgBench(BenchSettings settings) {
		this.settings = settings;
	}

	/** Lifecycle-equivalents per second, or NaN when no pgbench binary is installed. */
	double lifecyclesPerSecond(int commitsPerLifecycle) throws IOException, InterruptedException {
		String binary = binary();
		if (binary == null) {
			DaibanBenchmark.log("pgbench not found: P1 pgbench column is n/a");
			return Double.NaN;
		}
		BenchApp.createDatabase(settings, "bench_pgbench");
		try (Connection connection = BenchApp.connect(settings, "bench_pgbench");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bench_commit (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		Path script = settings.workDir().resolve("pgbench-lifecycle.sql").toAbsolutePath();
		Files.writeString(script,
				"INSERT INTO bench_commit (payload) VALUES (repeat('x', 200));\n".repeat(commitsPerLifecycle));
		ProcessBuilder builder = new ProcessBuilder(binary, "-n", "-h", settings.host(), "-p",
				Integer.toString(settings.port()), "-U", settings.user(), "-c", Integer.toString(settings.agents()), "-j",
				Integer.toString(Math.min(2, settings.agents())), "-T", Integer.toString(settings.pgbenchSeconds()), "-f",
				script.toString(), "bench_pgbench")
			.redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", settings.password());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		Matcher tps = TPS.matcher(output);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench gave no tps:\n" + output);
		}
		double perSecond = Double.parseDouble(tps.group(1));
		DaibanBenchmark.log("pgbench: %s scripts/s of %d commits each".formatted(BenchTable.num(perSecond),
				commitsPerLifecycle));
		return perSecond;
	}

	private static String binary() {
		for (String candidate : List.of("/usr/lib/postgresql/15/bin/pgbench", "/usr/bin/pgbench",
				"/usr/local/bin/pgbench")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return null;
	}

}
