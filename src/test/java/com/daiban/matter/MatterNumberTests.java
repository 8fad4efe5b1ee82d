package com.daiban.matter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.daiban.identity.Caller;
import com.daiban.support.DaibanSpringBootTest;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Matter numbers under concurrent acceptance. Found by reliability/crash-restart: on PostgreSQL two first acceptances
 * of a day raced on inserting the counter row and the loser answered 500.
 */
@DaibanSpringBootTest
class MatterNumberTests {

	private static final int THREADS = 8;

	@Autowired
	MatterLedger ledger;

	@Autowired
	MatterIntake intake;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Autowired
	DataSource dataSource;

	@Test
	void shouldNumberConcurrentFirstAcceptancesOfTheDayWithoutGapsOrErrors() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			// several fresh counters, so the race on the first insert of a day happens more than once
			for (int round = 0; round < 5; round++) {
				String township = "R" + UUID.randomUUID().toString().substring(0, 8);
				CyclicBarrier start = new CyclicBarrier(THREADS);
				List<Future<String>> numbers = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					numbers.add(pool.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return ledger.nextMatterNo(township);
					}));
				}
				List<Integer> sequence = new ArrayList<>();
				for (Future<String> number : numbers) {
					String matterNo = number.get(30, TimeUnit.SECONDS);
					assertThat(matterNo).startsWith(township + "-");
					sequence.add(Integer.parseInt(matterNo.substring(matterNo.lastIndexOf('-') + 1)));
				}
				assertThat(sequence).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * As many simultaneous acceptances as the application's pool has connections each hold one; the number must not
	 * need a second one from that pool, or they all wait until the pool gives up. Found in the benchmark with 8 agents
	 * on a pool of 6. Here all but one connection are taken away, and both ways of accepting must still succeed.
	 */
	@Test
	void shouldAcceptWithOnlyOneConnectionOfTheApplicationPoolLeft() throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		List<Connection> taken = new ArrayList<>();
		try {
			while (taken.size() < pool.getMaximumPoolSize() - 1) {
				taken.add(pool.getConnection());
			}
			AcceptedMatter accepted = intake.accept(new MatterDraft("V01", "MZ-001", Channel.OFFICE, "王淑珍",
					"13800002222", "申请临时救助，材料齐全。", "agent-v01-a"),
					new Caller("agent-v01-a", List.of("village-V01")));
			assertThat(accepted.matterNo()).startsWith("T01-");

			// as Tasklist's start form submits them: the registration step numbers the matter in the engine's transaction
			Map<String, Object> variables = Map.of("villageCode", "V01", "serviceItemCode", "MZ-001", "channel", "OFFICE",
					"residentName", "王淑珍", "residentPhone", "13800002222", "description", "从任务列表受理，申请临时救助。");
			identityService.setAuthentication("agent-v01-a", List.of("village-V01"));
			ProcessInstance started;
			try {
				started = runtimeService.startProcessInstanceByKey("proxy-matter", variables);
			}
			finally {
				identityService.clearAuthentication();
			}
			assertThat(started.getBusinessKey()).startsWith("T01-").isNotEqualTo(accepted.matterNo());
		}
		finally {
			for (Connection connection : taken) {
				connection.close();
			}
		}
	}

}
