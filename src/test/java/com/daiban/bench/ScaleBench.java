package com.daiban.bench;

import static com.daiban.bench.DaibanBenchmark.log;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.daiban.bench.DaibanBenchmark.Latency;
import com.daiban.bench.DaibanBenchmark.ScaleFigures;
import com.daiban.matter.MatterLedger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;

/**
 * P3: loads a city's years of history straight into the tables with set-based SQL (rows consistent enough for the
 * queries measured: ledger, timeline, negative list, history instances and tasks, and for open matters the execution,
 * task, candidate-group link and task authorization the engine would have written), then times the queries people wait on.
 */
final class ScaleBench {

	private static final int CHUNK = 50_000;

	/** The count reads every task of the group: fewer samples than the page, so that P3 stays within minutes. */
	private static final int COUNT_SAMPLES = 20;

	private static final String VILLAGE_ARRAY = "(ARRAY['V01','V02','V03','V04','V05','V06'])[1 + g % 6]";

	private final BenchSettings settings;

	private final BenchApp app;

	private final HttpClient http = HttpClient.newHttpClient();

	private long loadedRows;

	private double loadSeconds;

	ScaleBench(BenchSettings settings, BenchApp app) {
		this.settings = settings;
		this.app = app;
	}

	ScaleFigures measure() throws Exception {
		String definitionId = app.bean(RepositoryService.class)
			.createProcessDefinitionQuery()
			.processDefinitionKey(DaibanBenchmark.OURS_KEY)
			.latestVersion()
			.singleResult()
			.getId();
		if (taskPermissions().isEmpty()) {
			// no matter accepted in this database yet (BENCH_PARTS without p1/p2): one real acceptance shows which
			// permissions the engine grants a candidate group on a task
			DaibanBenchmark.accept(app, 0);
		}
		int taskPermissions = taskPermissions().get(0);
		loadHistoric(definitionId);
		loadOpen(definitionId, taskPermissions, 1, settings.open());
		settle();
		Latency taskQuery = sample(settings.samples(), this::groupTaskQuery);
		Latency taskCount = sample(Math.min(settings.samples(), COUNT_SAMPLES), this::groupTaskCount);
		Latency filterCounts = sample(Math.min(settings.samples(), COUNT_SAMPLES), this::filterCounts);
		Map<String, Latency> eachFilter = eachFilterCount();
		Latency matter = matterLatency();
		Latency residentLookup = new ResidentLookupBench(app).measure(settings.samples());
		int year = LocalDate.now().getYear() - 1;
		int negativeRows = app.jdbc.queryForObject(
				"SELECT count(*) FROM negative_list_entry WHERE record_year = ? AND township_code = 'T01'", Integer.class,
				year);
		// the supervision office's exports, as its people download them
		Latency negativeList = sample(Math.min(settings.samples(), 50),
				() -> get("/api/reports/negative-list.xlsx?township=T01&year=" + year, "supervisor-t01"));
		YearMonth lastMonth = YearMonth.now(ZoneOffset.ofHours(8)).minusMonths(1);
		int[] ledgerRows = { ledgerRowsOf("V01", lastMonth) };
		Latency ledger = sample(Math.min(settings.samples(), 20),
				() -> get("/api/reports/ledger.xlsx?village=V01&month=" + lastMonth, "supervisor-t01"));
		Latency dashboard = dashboardLatency();
		loadOpen(definitionId, taskPermissions, settings.open() + 1, settings.openLarge());
		settle();
		Latency taskQueryLarge = sample(settings.samples(), this::groupTaskQuery);
		Latency taskCountLarge = sample(Math.min(settings.samples(), COUNT_SAMPLES), this::groupTaskCount);
		Latency filterCountsLarge = sample(Math.min(settings.samples(), COUNT_SAMPLES), this::filterCounts);
		Map<String, Latency> eachFilterLarge = eachFilterCount();
		eachFilter.forEach((name, latency) -> log("P3: count of filter %s %s ms at %d open, %s ms at %d open".formatted(name,
				latency.text(), settings.open(), eachFilterLarge.get(name).text(), settings.openLarge())));
		log("P3: Tasklist's filter counts (every filter of clerk-t01, one refresh) %s ms at %d open, %s ms at %d open"
			.formatted(filterCounts.text(), settings.open(), filterCountsLarge.text(), settings.openLarge()));
		log(("P3: task query %s ms at %d open, %s ms at %d open; count %s ms and %s ms; matter %s ms; negative list "
				+ "%s ms; ledger %s ms").formatted(taskQuery.text(), settings.open(), taskQueryLarge.text(),
						settings.openLarge(), taskCount.text(), taskCountLarge.text(), matter.text(), negativeList.text(),
						ledger.text()));
		log("P3: resident look-up %s ms".formatted(residentLookup.text()));
		return new ScaleFigures(taskQuery, taskQueryLarge, taskCount, taskCountLarge, filterCounts, filterCountsLarge,
				eachFilter, eachFilterLarge,
				matter, negativeList, negativeRows,
				ledger, ledgerRows[0], loadedRows / loadSeconds, residentLookup, dashboard);
	}

	private List<Integer> taskPermissions() {
		return app.jdbc.queryForList(
				"SELECT PERMS_ FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = ? AND GROUP_ID_ IS NOT NULL", Integer.class,
				Resources.TASK.resourceType());
	}

	// ---- loader ---------------------------------------------------------------------------------------------------

	private void loadHistoric(String definitionId) {
		for (int from = 1; from <= settings.historic(); from += CHUNK) {
			int to = Math.min(settings.historic(), from + CHUNK - 1);
			load("historic", from, to, settings.historic(), """
					WITH s AS (
					  SELECT g, %s AS vc,
					    now() - (g %% 730) * interval '1 day' - (g %% 600) * interval '1 minute' AS ts
					  FROM generate_series(?, ?) g),
					m AS (
					  INSERT INTO matter (matter_no, village_code, township_code, service_item_code, channel, resident_name,
					    resident_phone, description, agent_id, level, handling_group, time_limit, accepted_at, due_at,
					    handler_id, outcome, reply, completed_at, on_time, satisfied, rating, signed_off_at, status, closed_at,
					    process_instance_id)
					  SELECT v.township_code || '-' || to_char(s.ts, 'YYYYMMDD') || '-H' || lpad(s.g::text, 7, '0'), v.code,
					    v.township_code, 'MZ-001', 'OFFICE', '居民' || (s.g %% 997), '13805730001', '历史代办事项',
					    'agent-' || lower(v.code) || '-a', 'TOWNSHIP', 'township-' || v.township_code, 'P1D', s.ts,
					    s.ts + interval '1 day', 'clerk-' || lower(v.township_code), 'DONE', '已办结', s.ts + interval '5 hours',
					    s.g %% 33 <> 0, true, 5, s.ts + interval '1 day', 'CLOSED', s.ts + interval '1 day', 'hist-' || s.g
					  FROM s JOIN village v ON v.code = s.vc
					  RETURNING matter_no, village_code, township_code, agent_id, handler_id, accepted_at, process_instance_id,
					    on_time),
					e AS (
					  INSERT INTO matter_event (matter_no, occurred_at, kind, actor, detail)
					  SELECT matter_no, accepted_at, 'ACCEPTED', agent_id, '定点受理：最低生活保障申请' FROM m
					  UNION ALL SELECT matter_no, accepted_at + interval '1 day', 'CLOSED', NULL, '办结归档' FROM m),
					n AS (
					  INSERT INTO negative_list_entry (idempotency_key, matter_no, reason, severity, subject, responsible_unit,
					    handler_id, village_code, township_code, recorded_at, record_year, detail, status)
					  SELECT process_instance_id || '-OVERDUE', matter_no, 'OVERDUE', 'NORMAL', '超过承诺时限',
					    'township-' || township_code, handler_id, village_code, township_code, accepted_at + interval '1 day',
					    extract(year FROM accepted_at + interval '1 day')::int, '超时未办结', 'CONFIRMED'
					  FROM m WHERE NOT on_time),
					t AS (
					  INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,
					    PROC_INST_ID_, EXECUTION_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, PRIORITY_, DUE_DATE_,
					    TASK_STATE_)
					  SELECT process_instance_id || '-h', 'Task_HandleMatter', 'proxy-matter', '%2$s', process_instance_id,
					    process_instance_id, process_instance_id, '办理代办事项', handler_id, accepted_at,
					    accepted_at + interval '5 hours', 18000000, 50, accepted_at + interval '1 day', 'Completed' FROM m
					  UNION ALL
					  SELECT process_instance_id || '-s', 'Task_ConfirmSignOff', 'proxy-matter', '%2$s', process_instance_id,
					    process_instance_id, process_instance_id, '答复委托人并签字确认', agent_id, accepted_at + interval '5 hours',
					    accepted_at + interval '1 day', 68400000, 50, NULL, 'Completed' FROM m)
					INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
					  END_TIME_, DURATION_, START_USER_ID_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
					SELECT process_instance_id, process_instance_id, matter_no, 'proxy-matter', '%2$s', accepted_at,
					  accepted_at + interval '1 day', 86400000, agent_id, 'StartEvent_MatterAccepted', 'EndEvent_MatterClosed',
					  process_instance_id, 'COMPLETED' FROM m
					""".formatted(VILLAGE_ARRAY, definitionId), 7);
		}
	}

	private void loadOpen(String definitionId, int taskPermissions, int first, int last) {
		for (int from = first; from <= last; from += CHUNK) {
			int to = Math.min(last, from + CHUNK - 1);
			load("open", from, to, last, """
					WITH s AS (
					  SELECT g, %s AS vc, now() - (g %% 1200) * interval '1 minute' AS ts FROM generate_series(?, ?) g),
					m AS (
					  INSERT INTO matter (matter_no, village_code, township_code, service_item_code, channel, resident_name,
					    resident_phone, description, agent_id, level, handling_group, time_limit, accepted_at, due_at, status,
					    process_instance_id)
					  SELECT v.township_code || '-' || to_char(s.ts, 'YYYYMMDD') || '-O' || lpad(s.g::text, 7, '0'), v.code,
					    v.township_code, 'MZ-001', 'OFFICE', '居民' || (s.g %% 997), '13805730001', '在办代办事项',
					    'agent-' || lower(v.code) || '-a', 'TOWNSHIP',
					    CASE WHEN s.g %% 5 = 0 THEN 'city-center' ELSE 'township-' || v.township_code END, 'P1D', s.ts,
					    s.ts + interval '1 day', 'HANDLING', 'open-' || s.g
					  FROM s JOIN village v ON v.code = s.vc
					  RETURNING matter_no, handling_group, agent_id, accepted_at, due_at, process_instance_id AS pid),
					x AS (
					  INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_,
					    ACT_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, CACHED_ENT_STATE_,
					    SEQUENCE_COUNTER_, PROC_DEF_KEY_)
					  SELECT pid, 1, pid, pid, matter_no, '%2$s', 'Task_HandleMatter', true, false, true, false, 1, 0, 1,
					    'proxy-matter' FROM m),
					t AS (
					  INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_,
					    PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_, TASK_STATE_)
					  SELECT pid || '-t', 1, pid, pid, '%2$s', '办理代办事项', 'Task_HandleMatter', 50, accepted_at, due_at, 1,
					    'Created' FROM m),
					l AS (
					  INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)
					  SELECT pid || '-l', 1, handling_group, 'candidate', pid || '-t' FROM m),
					a AS (
					  INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_,
					    ROOT_PROC_INST_ID_)
					  SELECT pid || '-a', 1, 1, handling_group, %4$d, pid || '-t', %3$d, pid FROM m),
					h AS (
					  INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,
					    PROC_INST_ID_, EXECUTION_ID_, NAME_, START_TIME_, PRIORITY_, DUE_DATE_, TASK_STATE_)
					  SELECT pid || '-t', 'Task_HandleMatter', 'proxy-matter', '%2$s', pid, pid, pid, '办理代办事项', accepted_at,
					    50, due_at, 'Created' FROM m)
					INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
					  START_USER_ID_, START_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
					SELECT pid, pid, matter_no, 'proxy-matter', '%2$s', accepted_at, agent_id, 'StartEvent_MatterAccepted', pid,
					  'ACTIVE' FROM m
					""".formatted(VILLAGE_ARRAY, definitionId, taskPermissions, Resources.TASK.resourceType()), 7);
		}
	}

	private void load(String what, int from, int to, int total, String sql, int rowsPerItem) {
		long start = System.nanoTime();
		app.jdbc.update(sql, from, to);
		loadSeconds += (System.nanoTime() - start) / 1e9;
		loadedRows += (long) (to - from + 1) * rowsPerItem;
		log("loader: %s matters %d of %d".formatted(what, to, total));
	}

	/**
	 * As autovacuum leaves tables some time after a load: statistics, and a visibility map so that index-only scans need
	 * no heap visits. Without it autovacuum may start on the freshly loaded tables while the samples run, on the same two
	 * cores (the group task query's figures varied up to threefold between runs).
	 */
	private void settle() {
		long start = System.nanoTime();
		app.jdbc.execute("VACUUM (ANALYZE)");
		log("loader: VACUUM (ANALYZE) in %.1f s".formatted((System.nanoTime() - start) / 1e9));
	}

	// ---- the queries ----------------------------------------------------------------------------------------------

	/** Tasklist's group filter for a township clerk: candidate groups, assigned ones too, by due date, first page. */
	private int groupTaskQuery() {
		int size = asClerk(groups -> app.bean(TaskService.class)
			.createTaskQuery()
			.taskCandidateGroupIn(groups)
			.includeAssignedTasks()
			.orderByDueDate()
			.asc()
			.listPage(0, 15)
			.size());
		if (size == 0) {
			throw new IllegalStateException("the group task query saw no task: the loaded rows are not visible");
		}
		return size;
	}

	/**
	 * The count beside every filter, as Tasklist asks for it with each refresh ({@code GET /filter?itemCount=true}): each
	 * filter the clerk may read, counted by the engine with the clerk's authentication.
	 */
	private long filterCounts() {
		return asClerk(groups -> {
			FilterService filters = app.bean(FilterService.class);
			List<Filter> readable = filters.createFilterQuery().filterResourceType("Task").list();
			if (readable.isEmpty()) {
				throw new IllegalStateException("clerk-t01 reads no Tasklist filter: the shared filters are missing");
			}
			long total = 0;
			for (Filter filter : readable) {
				total += filters.count(filter.getId());
			}
			return total;
		});
	}

	/** Each filter's count on its own, in the clerk's order of filters. */
	private Map<String, Latency> eachFilterCount() throws Exception {
		Map<String, Latency> latencies = new LinkedHashMap<>();
		List<Filter> readable = asClerk(groups -> app.bean(FilterService.class).createFilterQuery().filterResourceType("Task").list());
		for (Filter filter : readable) {
			latencies.put(filter.getName(), sample(Math.min(settings.samples(), COUNT_SAMPLES),
					() -> asClerk(groups -> app.bean(FilterService.class).count(filter.getId()))));
		}
		return latencies;
	}

	/** The number of tasks in the same filter, which Tasklist's list response carries (its HAL "count"). */
	private long groupTaskCount() {
		return asClerk(groups -> app.bean(TaskService.class)
			.createTaskQuery()
			.taskCandidateGroupIn(groups)
			.includeAssignedTasks()
			.count());
	}

	private <T> T asClerk(Function<List<String>, T> query) {
		IdentityService identity = app.bean(IdentityService.class);
		List<String> groups = app.groupsOf("clerk-t01");
		identity.setAuthentication("clerk-t01", groups);
		try {
			return query.apply(groups);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private Latency matterLatency() throws Exception {
		List<String> numbers = app.jdbc.queryForList(
				"SELECT matter_no FROM matter WHERE village_code = 'V01' ORDER BY random() LIMIT ?", String.class,
				settings.samples() + 5);
		int[] next = new int[1];
		return sample(settings.samples(), () -> get("/api/matters/" + numbers.get(next[0]++ % numbers.size()),
				"agent-v01-a"));
	}

	/**
	 * The supervision workspace of one township at {@code open} open matters: the first visit counts and keeps the
	 * settled months (logged), the samples then read them from the store and count the live month.
	 */
	private Latency dashboardLatency() throws Exception {
		long start = System.nanoTime();
		get("/api/dashboard?township=T01", "supervisor-t01");
		log("P3: first dashboard visit (counts and keeps the settled months) %.0f ms".formatted((System.nanoTime() - start) / 1e6));
		return sample(settings.samples(), () -> get("/api/dashboard?township=T01", "supervisor-t01"));
	}

	private int get(String path, String userId) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder().encodeToString((userId + ":demo").getBytes(StandardCharsets.UTF_8));
		HttpResponse<byte[]> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
					.header("Authorization", "Basic " + credentials)
					.header("Accept", "application/json")
					.build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return response.body().length;
	}

	private int ledgerRowsOf(String village, YearMonth month) {
		ZoneOffset china = ZoneOffset.ofHours(8);
		return app.bean(MatterLedger.class)
			.ofVillage(village, month.atDay(1).atStartOfDay().atOffset(china),
					month.plusMonths(1).atDay(1).atStartOfDay().atOffset(china))
			.size();
	}

	private static Latency sample(int count, Callable<?> query) throws Exception {
		for (int i = 0; i < Math.min(5, count); i++) {
			query.call();
		}
		double[] millis = new double[count];
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			query.call();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		return Latency.of(millis);
	}

}
