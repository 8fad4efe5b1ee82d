package com.daiban.matter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.daiban.support.DaibanSpringBootTest;
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

}
