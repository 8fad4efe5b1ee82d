package com.daiban.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * CPU time of the PostgreSQL server the benchmark runs on, read from Linux's {@code /proc}: the postmaster's own, that
 * of every process it has started and that is still running (backends, WAL writer, checkpointer, autovacuum), and that
 * of the ones it has already reaped (counted in its children's times). The server runs on the same two cores as the
 * JVM, so this is the other half of what one lifecycle costs.
 */
final class PostgresCpu {

	private final long postmaster;

	private final long nanosPerTick;

	private PostgresCpu(long postmaster, long nanosPerTick) {
		this.postmaster = postmaster;
		this.nanosPerTick = nanosPerTick;
	}

	/** Finds the server behind the benchmark's connection: the parent of a backend is the postmaster. */
	static PostgresCpu of(BenchSettings settings) {
		try (Connection connection = BenchApp.connect(settings, "postgres");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
			rows.next();
			long backend = rows.getLong(1);
			return new PostgresCpu(fields(backend)[1], 1_000_000_000L / clockTicksPerSecond());
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("cannot find the PostgreSQL server's processes in /proc", e);
		}
	}

	/** The server's CPU time so far, user and system. */
	long nanos() {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			long ticks = processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
				.mapToLong(this::childTicks)
				.sum();
			long[] own = fields(postmaster);
			// utime, stime, then the reaped children's cutime, cstime
			return (ticks + own[11] + own[12] + own[13] + own[14]) * nanosPerTick;
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read the PostgreSQL server's CPU time", e);
		}
	}

	private long childTicks(Path process) {
		try {
			long[] fields = fields(Long.parseLong(process.getFileName().toString()));
			return fields[1] == postmaster ? fields[11] + fields[12] : 0;
		}
		catch (IOException | RuntimeException gone) {
			// the process ended between the listing and the read: the postmaster's children's times now hold it
			return 0;
		}
	}

	/**
	 * The numeric fields of {@code /proc/<pid>/stat} after the command name, indexed from the state (field 3 of
	 * proc(5)) as 0, so that the parent is at 1, utime at 11, stime 12, cutime 13 and cstime 14. The state is a letter
	 * and is not read: index 0 stays 0.
	 */
	private static long[] fields(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		String[] parts = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
		long[] fields = new long[15];
		for (int i = 1; i < fields.length; i++) {
			fields[i] = Long.parseLong(parts[i]);
		}
		return fields;
	}

	private static long clockTicksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String out = new String(getconf.getInputStream().readAllBytes()).trim();
			return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
		}
		catch (IOException | NumberFormatException e) {
			return 100;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 100;
		}
	}

}
