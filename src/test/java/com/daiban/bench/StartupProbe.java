package com.daiban.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.daiban.DaibanApplication;

/**
 * Starts the embedded default (H2 file database, demo organisation) in a JVM of its own, as {@code mvn spring-boot:run}
 * would, on an empty data folder: wall time from launch to Spring's "Started" line, then heap after a full GC.
 */
final class StartupProbe {

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	record Result(double seconds, double heapMb) {
	}

	private final BenchSettings settings;

	StartupProbe(BenchSettings settings) {
		this.settings = settings;
	}

	Result measure() throws IOException, InterruptedException {
		Path dataDir = settings.workDir().resolve("startup-h2-" + System.nanoTime()).toAbsolutePath();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		long launched = System.nanoTime();
		Process app = new ProcessBuilder(java, "-cp", classpath(),
				DaibanApplication.class.getName(), "--server.port=" + port, "--daiban.data-dir=" + dataDir,
				"--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.start();
		// The reader is not closed here: a drain thread may be blocked in it, and close() would wait for that thread
		// forever. Destroying the process in finally ends the stream, and with it the drain thread.
		BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
		try {
			double seconds = Double.NaN;
			java.util.Deque<String> tail = new java.util.ArrayDeque<>();
			String line;
			while ((line = lines.readLine()) != null) {
				if (!line.startsWith("\tat ")) {
					tail.addLast(line);
				}
				if (tail.size() > 30) {
					tail.removeFirst();
				}
				if (line.contains("Started DaibanApplication")) {
					seconds = (System.nanoTime() - launched) / 1e9;
					break;
				}
			}
			if (Double.isNaN(seconds)) {
				throw new IllegalStateException("the embedded default did not start (exit " + app.waitFor() + "):\n"
						+ String.join("\n", tail));
			}
			// keep draining its output so a full pipe never blocks it
			Thread drain = new Thread(() -> {
				try {
					lines.lines().forEach(ignored -> {
					});
				}
				catch (java.io.UncheckedIOException streamClosedWhenTheProbeEnds) {
					// the process was destroyed: nothing left to drain
				}
			});
			drain.setDaemon(true);
			drain.start();
			double heapMb = heapAfterGc(app.pid());
			DaibanBenchmark.log("embedded default: started in %s s, %s MB heap after GC"
				.formatted(BenchTable.num(seconds), BenchTable.num(heapMb)));
			return new Result(seconds, heapMb);
		}
		finally {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	/**
	 * This JVM's class path without surefire's booter jar, whose manifest repeats every entry: a repeated entry would make
	 * the engine find each BPMN twice and refuse the deployment.
	 */
	private static String classpath() {
		return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter(entry -> !entry.contains("surefirebooter"))
			.distinct()
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

	private static double heapAfterGc(long pid) throws IOException, InterruptedException {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		run(jcmd, Long.toString(pid), "GC.run");
		Matcher used = HEAP_USED.matcher(run(jcmd, Long.toString(pid), "GC.heap_info"));
		return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

}
