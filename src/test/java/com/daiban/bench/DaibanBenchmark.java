package com.daiban.bench;

import static com.daiban.bench.BenchTable.num;
import static com.daiban.bench.BenchTable.ratio;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The benchmark: lifecycle throughput against the bare engine, stock settings and pgbench (P1), a deadline storm on
 * stock and on our job-executor settings (P2), query latency at scale (P3) and start-up of the embedded default. All
 * figures come from one run on one PostgreSQL server; bench/run starts that server and calls {@link #main}.
 */
public final class DaibanBenchmark {

	static final String BARE_KEY = "bench-bare-lifecycle";

	static final String OURS_KEY = "proxy-matter";


	/** A township-level item: routed to the township window, handled there within one working day. */
	static final String SERVICE_ITEM = "MZ-001";

	static final List<String> VILLAGES = List.of("V01", "V02", "V03", "V04", "V05", "V06");

	private final BenchSettings settings;

	DaibanBenchmark(BenchSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		BenchSettings settings = BenchSettings.fromEnvironment();
		BenchTable table = new DaibanBenchmark(settings).run();
		String text = table.markdown();
		Files.createDirectories(settings.workDir());
		Files.writeString(settings.workDir().resolve("results.md"), text);
		System.out.println();
		System.out.println(text);
		System.exit(0);
	}

	BenchTable run() throws Exception {
		log("sizes: " + settings.describe());
		Files.createDirectories(settings.workDir());
		StartupProbe.Result startup = settings.startup() ? new StartupProbe(settings).measure() : null;
		P1 p1 = null;
		double pgbench = Double.NaN;
		if (settings.runs("p1")) {
			// both configurations up at once, measured in alternating rounds: a change in the shared machine's load
			// during P1 then falls on all three columns instead of on whichever ran at that time
			try (BenchApp stock = BenchApp.start(settings, "bench_stock", BenchApp.STOCK);
					BenchApp tuned = BenchApp.start(settings, "bench_tuned", BenchApp.OURS_ON_POSTGRES)) {
				stock.bean(RepositoryService.class)
					.createDeployment()
					.name("bench")
					.addClasspathResource("bench/bench-bare-lifecycle.bpmn")
					.deploy();
				p1 = p1(new Lane("P1a bare two-task lifecycle, stock", stock, BARE_KEY, this::bareLifecycle),
						new Lane("P1b our lifecycle, stock settings", stock, OURS_KEY, this::ourLifecycle),
						new Lane("P1c our lifecycle, our settings", tuned, OURS_KEY, this::ourLifecycle));
				pgbench = new PgBench(settings).lifecyclesPerSecond(Math.max(1, (int) Math.ceil(p1.tuned().commitsPer())));
			}
		}
		Storm stormStock = null;
		if (settings.runs("p2")) {
			try (BenchApp app = BenchApp.start(settings, "bench_stock", BenchApp.STOCK)) {
				stormStock = storm(app, "P2 storm, stock job executor");
			}
		}
		Storm stormTuned = null;
		ScaleFigures scale = null;
		if (settings.runs("p2") || settings.runs("p3")) {
			try (BenchApp app = BenchApp.start(settings, "bench_tuned", BenchApp.OURS_ON_POSTGRES)) {
				if (settings.runs("p2")) {
					stormTuned = storm(app, "P2 storm, our job executor");
				}
				if (settings.runs("p3")) {
					scale = new ScaleBench(settings, app).measure();
				}
			}
		}
		return table(p1, pgbench, stormStock, stormTuned, scale, startup);
	}

	// ---- P1 -------------------------------------------------------------------------------------------------------

	/** CPU per lifecycle: of the JVM (both applications, the agents' threads included) and of the PostgreSQL server. */
	record Throughput(int lifecycles, double perSecond, double cpuMsPer, double dbCpuMsPer, double commitsPer) {
	}

	/** The three P1 columns, each summed over its rounds, and each round's ratios of ours to bare and to stock. */
	record P1(Throughput bare, Throughput stock, Throughput tuned, List<Double> vsBare, List<Double> vsStock) {
	}

	/** One P1 column: a lifecycle run on one of the two applications. */
	record Lane(String name, BenchApp app, String key, BiConsumer<BenchApp, Integer> lifecycle) {
	}

	/**
	 * Warms each lane up, then runs {@code BENCH_P1_ROUNDS} rounds of all three lanes, each round's order rotated by one;
	 * the lifecycles of a lane are shared out over its rounds.
	 */
	private P1 p1(Lane... lanes) throws Exception {
		PostgresCpu server = PostgresCpu.of(settings);
		for (Lane lane : lanes) {
			concurrently(settings.warmup(), worker -> lane.lifecycle().accept(lane.app(), worker));
			awaitFinished(lane.app(), lane.key());
		}
		Throughput[] totals = new Throughput[lanes.length];
		List<Double> vsBare = new ArrayList<>();
		List<Double> vsStock = new ArrayList<>();
		int rounds = settings.rounds();
		for (int round = 0; round < rounds; round++) {
			int size = settings.lifecycles() / rounds + (round < settings.lifecycles() % rounds ? 1 : 0);
			Throughput[] figures = new Throughput[lanes.length];
			for (int i = 0; i < lanes.length; i++) {
				int lane = (round + i) % lanes.length;
				figures[lane] = measure(lanes[lane], size, server);
				totals[lane] = totals[lane] == null ? figures[lane] : sum(totals[lane], figures[lane]);
			}
			vsBare.add(figures[2].perSecond() / figures[0].perSecond());
			vsStock.add(figures[2].perSecond() / figures[1].perSecond());
			log("P1 round %d of %d: %s / %s / %s lifecycles/s (bare / ours stock / ours); ours %s bare, %s stock"
				.formatted(round + 1, rounds, num(figures[0].perSecond()), num(figures[1].perSecond()),
						num(figures[2].perSecond()), ratio(figures[2].perSecond(), figures[0].perSecond()),
						ratio(figures[2].perSecond(), figures[1].perSecond())));
		}
		for (int lane = 0; lane < lanes.length; lane++) {
			log(("%s, %d rounds: %s lifecycles/s, %s JVM and %s PostgreSQL CPU ms and %s commits per lifecycle, %d "
					+ "acceptances retried so far")
				.formatted(lanes[lane].name(), rounds, num(totals[lane].perSecond()), num(totals[lane].cpuMsPer()),
						num(totals[lane].dbCpuMsPer()), num(totals[lane].commitsPer()), ACCEPT_RETRIES.get()));
		}
		return new P1(totals[0], totals[1], totals[2], vsBare, vsStock);
	}

	private Throughput measure(Lane lane, int lifecycles, PostgresCpu server) throws Exception {
		long commits = lane.app().committedTransactions();
		long cpu = processCpuNanos();
		long dbCpu = server.nanos();
		long start = System.nanoTime();
		concurrently(lifecycles, worker -> lane.lifecycle().accept(lane.app(), worker));
		int polls = awaitFinished(lane.app(), lane.key());
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuMs = (processCpuNanos() - cpu) / 1e6;
		double dbCpuMs = (server.nanos() - dbCpu) / 1e6;
		// each poll of awaitFinished is a read-only commit of its own: not the lifecycle's
		long committed = lane.app().committedTransactions() - commits - polls;
		return new Throughput(lifecycles, lifecycles / seconds, cpuMs / lifecycles, dbCpuMs / lifecycles,
				(double) committed / lifecycles);
	}

	/** Two measurements of one lane as one: rates weighted by time, per-lifecycle figures by lifecycles. */
	private static Throughput sum(Throughput a, Throughput b) {
		int lifecycles = a.lifecycles() + b.lifecycles();
		double seconds = a.lifecycles() / a.perSecond() + b.lifecycles() / b.perSecond();
		return new Throughput(lifecycles, lifecycles / seconds,
				(a.cpuMsPer() * a.lifecycles() + b.cpuMsPer() * b.lifecycles()) / lifecycles,
				(a.dbCpuMsPer() * a.lifecycles() + b.dbCpuMsPer() * b.lifecycles()) / lifecycles,
				(a.commitsPer() * a.lifecycles() + b.commitsPer() * b.lifecycles()) / lifecycles);
	}

	/** Start, service task, two user tasks claimed and completed: the engine's cost with nothing of ours. */
	private void bareLifecycle(BenchApp app, int worker) {
		String instance = app.bean(RuntimeService.class).startProcessInstanceByKey(BARE_KEY).getId();
		workOn(app, instance, "First", "clerk-t01", Map.of());
		workOn(app, instance, "Second", "agent-v01-a", Map.of());
	}

	/**
	 * Our whole lifecycle as the people do it, authenticated as they are: the agent accepts, the township clerk claims
	 * and handles, the agent records the resident's sign-off; the job executor sends the notifications.
	 */
	private void ourLifecycle(BenchApp app, int worker) {
		AcceptedMatter matter = accept(app, worker);
		String village = VILLAGES.get(worker % VILLAGES.size());
		IdentityService identity = app.bean(IdentityService.class);
		String clerk = "clerk-" + (village.equals("V06") ? "t02" : "t01");
		String agent = agentOf(village);
		try {
			identity.setAuthentication(clerk, app.groupsOf(clerk));
			workOn(app, matter.processInstanceId(), "Task_HandleMatter", clerk,
					Map.of("outcome", "DONE", "reply", "已办结，请到村代办点领取"));
			identity.setAuthentication(agent, app.groupsOf(agent));
			workOn(app, matter.processInstanceId(), "Task_ConfirmSignOff", agent,
					Map.of("residentConfirmed", "true", "rating", "5"));
		}
		finally {
			identity.clearAuthentication();
		}
	}

	static AcceptedMatter accept(BenchApp app, int worker) {
		String village = VILLAGES.get(worker % VILLAGES.size());
		String agent = agentOf(village);
		IdentityService identity = app.bean(IdentityService.class);
		identity.setAuthentication(agent, app.groupsOf(agent));
		try {
			for (int attempt = 1;; attempt++) {
				try {
					return app.bean(MatterIntake.class)
						.accept(new MatterDraft(village, SERVICE_ITEM, Channel.OFFICE, "张桂英", "13805730001",
								"代办最低生活保障申请（性能基准）", agent), new Caller(agent, app.groupsOf(agent)));
				}
				catch (org.springframework.dao.DataAccessException raced) {
					// MatterLedger.nextMatterNo: two first acceptances of a township's day race on the counter
					// INSERT, and on PostgreSQL the duplicate key aborts the transaction its fallback UPDATE runs in
					ACCEPT_RETRIES.incrementAndGet();
					if (attempt == 5) {
						throw raced;
					}
				}
			}
		}
		finally {
			identity.clearAuthentication();
		}
	}

	static String agentOf(String village) {
		return "agent-" + village.toLowerCase() + "-a";
	}

	private static void workOn(BenchApp app, String instance, String taskKey, String userId, Map<String, Object> vars) {
		TaskService tasks = app.bean(TaskService.class);
		Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
		if (task == null) {
			throw new IllegalStateException("no task " + taskKey + " in " + instance);
		}
		tasks.claim(task.getId(), userId);
		tasks.complete(task.getId(), vars);
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Acceptances that failed on the matter-number counter race and were submitted again. */
	static final AtomicInteger ACCEPT_RETRIES = new AtomicInteger();

	/** Waits until every instance of the process has ended and every queued notification has been sent. */
	private static int awaitFinished(BenchApp app, String key) throws InterruptedException {
		RuntimeService runtime = app.bean(RuntimeService.class);
		long deadline = System.currentTimeMillis() + 600_000;
		int polls = 1;
		// a batch handed over to a notification-dispatch instance stays in the outbox until that instance has sent it
		while (runtime.createProcessInstanceQuery().processDefinitionKey(key).count() > 0
				|| app.jdbc.queryForObject("SELECT count(*) FROM notification_outbox", Long.class) > 0) {
			polls++;
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("instances of " + key + " did not finish within 10 minutes");
			}
			Thread.sleep(20);
		}
		return polls;
	}

	// ---- P2 -------------------------------------------------------------------------------------------------------

	record Storm(int matters, int escalated, int notified, double firstDelayS, double lastS, double p50S, double p99S,
			double drainPerS, double lastNotifiedS) {
	}

	private static double[] secondsAfter(long due, long[] epochMillis) {
		return Arrays.stream(epochMillis).mapToDouble(at -> (at - due) / 1000.0).sorted().toArray();
	}

	/**
	 * Opens the storm's matters, lets the executor go quiet, then moves every handling-deadline timer to one instant and
	 * waits until each matter is marked, notified and under supervision.
	 */
	private Storm storm(BenchApp app, String name) throws Exception {
		concurrently(settings.storm(), worker -> accept(app, worker));
		long drainDeadline = System.currentTimeMillis() + 600_000;
		// quiet: no asynchronous job left and every PROMISE notice of the storm's matters sent by the dispatcher
		while (app.jdbc.queryForObject("SELECT (SELECT count(*) FROM ACT_RU_JOB WHERE DUEDATE_ IS NULL)"
				+ " + (SELECT count(*) FROM notification_outbox)", Long.class) > 0
				&& System.currentTimeMillis() < drainDeadline) {
			Thread.sleep(100);
		}
		long due = System.currentTimeMillis() + settings.quietSeconds() * 1000L;
		int moved = app.jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE HANDLER_TYPE_ = 'timer-transition' "
				+ "AND HANDLER_CFG_ LIKE 'Event_DeadlinePassed%'", new Timestamp(due));
		log("%s: %d deadline timers due in %d s".formatted(name, moved, settings.quietSeconds()));
		long timeout = due + 120_000 + settings.storm() * 100L;
		int escalated = 0;
		int notified = 0;
		// The figures come from the rows' own timestamps, so polling only decides when to stop: once a second, and the
		// notices only after the last escalation. Polling both every 100 ms put up to 20 queries a second on the
		// storm's two cores; auto_explain logged the notice count at 30-50 ms a poll as the log grew.
		while (System.currentTimeMillis() < timeout) {
			escalated = app.jdbc.queryForObject(
					"SELECT count(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_SuperviseMatter'", Integer.class);
			if (escalated >= moved) {
				notified = app.jdbc.queryForObject(
						"SELECT count(DISTINCT matter_no) FROM notification_log WHERE kind = 'OVERDUE'", Integer.class);
				if (notified >= moved) {
					break;
				}
			}
			Thread.sleep(1_000);
		}
		// escalated: the timer's transaction committed the negative-list mark, the queued notice and the supervision
		// task together; notified: the notification dispatcher has sent it (after that transaction)
		double[] lateness = secondsAfter(due, app.jdbc.queryForList(
				"SELECT CREATE_TIME_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_SuperviseMatter'", Timestamp.class)
			.stream()
			.mapToLong(Timestamp::getTime)
			.toArray());
		double[] sent = secondsAfter(due, app.jdbc
			.queryForList("SELECT max(sent_at) FROM notification_log WHERE kind = 'OVERDUE' GROUP BY matter_no",
					OffsetDateTime.class)
			.stream()
			.mapToLong(at -> at.toInstant().toEpochMilli())
			.toArray());
		double last = lateness.length == 0 ? Double.NaN : lateness[lateness.length - 1];
		// one row per matter with a sent OVERDUE notice: also right when the wait above timed out before counting them
		notified = sent.length;
		Storm storm = new Storm(moved, escalated, notified, lateness.length == 0 ? Double.NaN : lateness[0], last,
				percentile(lateness, 50), percentile(lateness, 99), lateness.length / last,
				sent.length == 0 ? Double.NaN : sent[sent.length - 1]);
		log("%s: first after %s s, last after %s s, p50 %s s, p99 %s s, %s/s (%d of %d); last notice sent after %s s (%d)"
			.formatted(name, num(storm.firstDelayS()), num(storm.lastS()), num(storm.p50S()), num(storm.p99S()),
					num(storm.drainPerS()), escalated, moved, num(storm.lastNotifiedS()), notified));
		return storm;
	}

	// ---- table ----------------------------------------------------------------------------------------------------

	private BenchTable table(P1 p1, double pgbench, Storm stock, Storm tuned, ScaleFigures scale,
			StartupProbe.Result startup) {
		BenchTable t = new BenchTable("Daiban benchmark, " + LocalDate.now() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, " + settings.describe());
		if (p1 != null) {
			p1(t, p1, pgbench);
		}
		if (tuned != null) {
			p2(t, stock, tuned);
		}
		if (scale != null) {
			p3(t, scale);
		}
		if (startup != null) {
			t.section("embedded default (H2), separate JVM");
			t.add("start-up to 'Started' (s)", "", num(startup.seconds()), "", "≤ 20 s", startup.seconds() <= 20);
			t.add("heap used after start and a full GC (MB)", "", num(startup.heapMb()), "", "", null);
		}
		return t;
	}

	private void p1(BenchTable t, P1 p1, double pgbench) {
		Throughput bare = p1.bare();
		Throughput oursStock = p1.stock();
		Throughput oursTuned = p1.tuned();
		t.section("P1 lifecycle throughput (" + settings.agents() + " concurrent agents, " + settings.rounds()
				+ " alternating rounds)");
		t.add("bare two-task lifecycle, stock (lifecycles/s)", "", num(bare.perSecond()), "", "", null);
		t.add("our lifecycle, stock settings (lifecycles/s)", "", num(oursStock.perSecond()), "", "", null);
		t.add("our lifecycle, our settings vs bare stock", num(bare.perSecond()), num(oursTuned.perSecond()),
				ratio(oursTuned.perSecond(), bare.perSecond()), "≥ 1.0×", oursTuned.perSecond() >= bare.perSecond());
		t.add("our lifecycle, our settings vs ours stock", num(oursStock.perSecond()), num(oursTuned.perSecond()),
				ratio(oursTuned.perSecond(), oursStock.perSecond()), "≥ 1.5×",
				oursTuned.perSecond() >= 1.5 * oursStock.perSecond());
		t.add("ours vs bare, each round", "", ratios(p1.vsBare()), "", "", null);
		t.add("ours vs ours stock, each round", "", ratios(p1.vsStock()), "", "", null);
		t.add("pgbench, same commits as one lifecycle (lifecycles/s)", num(pgbench), num(oursTuned.perSecond()),
				"DB headroom " + ratio(pgbench, oursTuned.perSecond()), "", null);
		t.add("commits per lifecycle (bare / ours stock / ours tuned)", num(bare.commitsPer()),
				num(oursStock.commitsPer()) + " / " + num(oursTuned.commitsPer()), "", "", null);
		t.add("JVM CPU ms per lifecycle (bare / ours stock / ours tuned)", num(bare.cpuMsPer()),
				num(oursStock.cpuMsPer()) + " / " + num(oursTuned.cpuMsPer()), "", "", null);
		t.add("PostgreSQL CPU ms per lifecycle (bare / ours stock / ours tuned)", num(bare.dbCpuMsPer()),
				num(oursStock.dbCpuMsPer()) + " / " + num(oursTuned.dbCpuMsPer()), "", "", null);
	}

	private void p2(BenchTable t, Storm stock, Storm tuned) {
		t.section("P2 deadline storm (" + tuned.matters() + " timers due at one instant after " + settings.quietSeconds()
				+ " s quiet)");
		t.add("first escalation after due (s)", num(stock.firstDelayS()), num(tuned.firstDelayS()), "", "≤ 2 s",
				tuned.firstDelayS() <= 2);
		t.add("last escalation after due (s): mark + supervision task + notice queued", num(stock.lastS()), num(tuned.lastS()), "", "≤ 60 s",
				tuned.escalated() >= tuned.matters() && tuned.lastS() <= 60);
		t.add("lateness p50 (s)", num(stock.p50S()), num(tuned.p50S()), "", "", null);
		t.add("lateness p99 (s)", num(stock.p99S()), num(tuned.p99S()), "", "", null);
		t.add("drain rate from due instant (escalations/s)", num(stock.drainPerS()), num(tuned.drainPerS()),
				ratio(tuned.drainPerS(), stock.drainPerS()), "≥ 1.5×", tuned.drainPerS() >= 1.5 * stock.drainPerS());
		t.add("escalated / due", stock.escalated() + " / " + stock.matters(),
				tuned.escalated() + " / " + tuned.matters(), "", "all", tuned.escalated() >= tuned.matters());
		t.add("last OVERDUE notice sent after due (s)", num(stock.lastNotifiedS()), num(tuned.lastNotifiedS()), "",
				"≤ 60 s", tuned.notified() >= tuned.matters() && tuned.lastNotifiedS() <= 60);
	}

	private void p3(BenchTable t, ScaleFigures scale) {
		t.section("P3 at scale (" + settings.historic() + " historic, " + settings.open() + " open matters; our settings)");
		t.add("group task query p50 / p95 (ms), " + settings.open() + " open", "", scale.taskQuery().text(), "",
				"p95 ≤ 50 ms", scale.taskQuery().p95() <= 50);
		t.add("group task query p50 / p95 (ms), " + settings.openLarge() + " open", "", scale.taskQueryLarge().text(), "",
				"p95 ≤ 40 ms", scale.taskQueryLarge().p95() <= 40);
		t.add("group task count p50 / p95 (ms), " + settings.open() + " open (Tasklist shows it with each list)", "",
				scale.taskCount().text(), "", "p95 ≤ 50 ms", scale.taskCount().p95() <= 50);
		t.add("group task count p50 / p95 (ms), " + settings.openLarge() + " open", "", scale.taskCountLarge().text(), "",
				"p95 ≤ 100 ms", scale.taskCountLarge().p95() <= 100);
		t.add("every filter's count, one Tasklist refresh, p50 / p95 (ms), " + settings.open() + " open", "",
				scale.filterCounts().text(), "", "", null);
		t.add("every filter's count, one Tasklist refresh, p50 / p95 (ms), " + settings.openLarge() + " open", "",
				scale.filterCountsLarge().text(), "", "", null);
		scale.eachFilter().forEach((name, latency) -> {
			Latency large = scale.eachFilterLarge().get(name);
			t.add("count of filter " + name + " p50 / p95 (ms), " + settings.open() + " open", "", latency.text(), "",
					"p95 ≤ 50 ms", latency.p95() <= 50);
			t.add("count of filter " + name + " p50 / p95 (ms), " + settings.openLarge() + " open", "", large.text(), "",
					"p95 ≤ 100 ms", large.p95() <= 100);
		});
		t.add("GET /api/matters/{no} p50 / p95 (ms)", "", scale.matter().text(), "", "", null);
		t.add("negative-list year report (xlsx, one township) p50 / p95 (ms), " + scale.negativeRows() + " rows", "",
				scale.negativeList().text(), "", "≤ 1 s", scale.negativeList().p95() <= 1000);
		t.add("monthly ledger export (xlsx, one village) p50 / p95 (ms), " + scale.ledgerRows() + " rows", "",
				scale.ledger().text(), "", "≤ 3 s", scale.ledger().p95() <= 3000);
		t.add("POST /api/public/matters/lookup (resident) p50 / p95 (ms)", "", scale.residentLookup().text(), "",
				"p95 ≤ 50 ms", scale.residentLookup().p95() <= 50);
		t.add("GET /api/dashboard (one township) p50 / p95 (ms), " + settings.open() + " open", "",
				scale.dashboard().text(), "", "p95 ≤ 200 ms", scale.dashboard().p95() <= 200);
		t.add("loader (rows/s)", "", num(scale.loaderRowsPerSecond()), "", "", null);
	}

	// ---- helpers --------------------------------------------------------------------------------------------------

	private static String ratios(List<Double> ratios) {
		return String.join(" / ", ratios.stream().map(r -> String.format(java.util.Locale.ROOT, "%.2f", r)).toList());
	}

	interface Work {

		void run(int worker) throws Exception;

	}

	/** Runs {@code total} units of work on {@code agents} threads; each thread keeps its worker number. */
	void concurrently(int total, Work work) throws Exception {
		AtomicInteger remaining = new AtomicInteger(total);
		ExecutorService pool = Executors.newFixedThreadPool(settings.agents());
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < settings.agents(); i++) {
				int worker = i;
				futures.add(pool.submit(() -> {
					while (remaining.getAndDecrement() > 0) {
						work.run(worker);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	static double percentile(double[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static void log(String message) {
		System.out.println("[bench " + OffsetDateTime.now(ZoneOffset.UTC).toLocalTime().withNano(0) + "] " + message);
	}

	record Latency(double p50, double p95) {

		static Latency of(double[] millis) {
			double[] sorted = millis.clone();
			Arrays.sort(sorted);
			return new Latency(percentile(sorted, 50), percentile(sorted, 95));
		}

		String text() {
			return num(p50) + " / " + num(p95);
		}

	}

	record ScaleFigures(Latency taskQuery, Latency taskQueryLarge, Latency taskCount, Latency taskCountLarge,
			Latency filterCounts, Latency filterCountsLarge, Map<String, Latency> eachFilter,
			Map<String, Latency> eachFilterLarge,
			Latency matter, Latency negativeList, int negativeRows, Latency ledger, int ledgerRows,
			double loaderRowsPerSecond, Latency residentLookup, Latency dashboard) {
	}

	static void writeQuietly(Path path, String text) {
		try {
			Files.writeString(path, text);
		}
		catch (IOException e) {
			log("could not write " + path + ": " + e.getMessage());
		}
	}

}
