package com.daiban.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.daiban.identity.Caller;
import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Complaint numbers when several complaints are a township's first of the day: they used to race on inserting the
 * day's counter row, and the loser's filing failed.
 */
@DaibanSpringBootTest
class ComplaintNumberTests {

	private static final int THREADS = 8;

	@Autowired
	Complaints complaints;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void shouldNumberConcurrentFirstComplaintsOfTheDayWithoutErrors() throws Exception {
		// a township of its own, so that today's counter starts here and no other test's complaint is counted
		String township = "R" + UUID.randomUUID().toString().substring(0, 6);
		String village = township + "V";
		jdbc.sql("INSERT INTO township (code, name) VALUES (?, ?)").params(township, "测试镇").update();
		jdbc.sql("INSERT INTO village (code, name, township_code) VALUES (?, ?, ?)")
			.params(village, "测试村", township)
			.update();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			CyclicBarrier start = new CyclicBarrier(THREADS);
			List<Future<String>> filed = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				int complainant = i;
				filed.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return complaints.file(new ComplaintDraft(null, village, ComplaintKind.OTHER, "投诉人" + complainant,
							"1390000000" + complainant, "代办点中午无人值班"), new Caller("agent-v01-a", List.of("village-V01")));
				}));
			}
			List<String> numbers = new ArrayList<>();
			for (Future<String> complaintNo : filed) {
				numbers.add(complaintNo.get(60, TimeUnit.SECONDS));
			}
			String day = OffsetDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd"));
			assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, THREADS)
				.mapToObj(n -> "TS-%s-%s-%03d".formatted(township, day, n))
				.toList());
		}
		finally {
			pool.shutdownNow();
			List<String> instances = jdbc.sql("SELECT process_instance_id FROM complaint WHERE township_code = ?")
				.param(township)
				.query(String.class)
				.list();
			if (!instances.isEmpty()) {
				runtimeService.deleteProcessInstances(instances, "test clean-up", true, true);
			}
			jdbc.sql("DELETE FROM complaint WHERE township_code = ?").param(township).update();
			jdbc.sql("DELETE FROM complaint_number_counter WHERE township_code = ?").param(township).update();
			jdbc.sql("DELETE FROM village WHERE code = ?").param(village).update();
			jdbc.sql("DELETE FROM township WHERE code = ?").param(township).update();
		}
	}

}
