package com.daiban.resident.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.daiban.matter.MatterLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Writes "the resident looked it up" on a matter's timeline beside the answer, not before it: a look-up is a read, and
 * its trace need not hold the resident up for a disk flush. Under a flood the oldest traces wait, the newest are
 * dropped (the look-ups themselves are throttled).
 */
@Component
class ViewTraces implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ViewTraces.class);

	private final MatterLedger ledger;

	private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1000), task -> {
				Thread thread = new Thread(task, "daiban-resident-traces");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	ViewTraces(MatterLedger ledger) {
		this.ledger = ledger;
	}

	void record(String matterNo) {
		writer.execute(() -> {
			try {
				ledger.addEvent(matterNo, PublicTimeline.VIEWED, MatterLedger.RESIDENT_HIMSELF, "委托人在直通车查询进度");
			}
			catch (RuntimeException failed) {
				log.warn("查询记录未写入事项 {} 的时间线：{}", matterNo, failed.toString());
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		writer.shutdown();
		writer.awaitTermination(5, TimeUnit.SECONDS);
	}

}
