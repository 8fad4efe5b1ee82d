package com.daiban.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.daiban.notification.NotificationProperties;
import com.daiban.notification.internal.Notifications.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the notification outbox: a background worker sends each queued batch in a transaction of its own, a few
 * batches at a time, and is woken as soon as a transaction that queued one has committed (otherwise it looks every
 * {@code daiban.notification.dispatch.interval}).
 * <p>
 * A batch that cannot be sent (the SMS gateway or the mail server is down) is handed over to the engine: a
 * {@code notification-dispatch} instance retries it with the model's backoff and, once its retries have run out, shows
 * it as an incident in Cockpit, where an operator retries it. Sending needs no process instance of its own otherwise,
 * which was most of the cost of a notice (docs/performance.md).
 */
@Component
public class NotificationDispatcher implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger("daiban.notification");

	/** How many outbox rows one look at the outbox reads. */
	static final int PAGE = 200;

	private final Notifications notifications;

	private final NotificationProperties.Dispatch settings;

	private final TransactionTemplate ownTransaction;

	private final ExecutorService senders;

	private final Semaphore wakeUp = new Semaphore(0);

	private volatile Thread worker;

	NotificationDispatcher(Notifications notifications, NotificationProperties properties,
			PlatformTransactionManager transactionManager) {
		this.notifications = notifications;
		this.settings = properties.dispatch();
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		AtomicInteger threads = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(settings.threads(), task -> {
			Thread thread = new Thread(task, "daiban-notify-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Sends every batch waiting in the outbox whose key starts with {@code batchPrefix} ({@code ""} for all), each in a
	 * transaction of its own, {@code daiban.notification.dispatch.threads} at a time. A batch that fails is handed over
	 * to a {@code notification-dispatch} instance.
	 * @return how many batches were sent here (not those handed over)
	 */
	public int sendQueued(String batchPrefix) {
		int sent = 0;
		long afterId = 0;
		while (true) {
			List<Pending> page = notifications.pendingBatches(batchPrefix, afterId, PAGE);
			if (page.isEmpty()) {
				return sent;
			}
			Set<String> batches = new LinkedHashSet<>();
			page.forEach(pending -> batches.add(pending.batchKey()));
			afterId = page.get(page.size() - 1).id();
			List<Future<Boolean>> results = new ArrayList<>();
			batches.forEach(batch -> results.add(senders.submit(() -> send(batch))));
			for (Future<Boolean> result : results) {
				sent += await(result) ? 1 : 0;
			}
			if (page.size() < PAGE) {
				return sent;
			}
		}
	}

	/** Called after a transaction that queued notifications has committed. */
	void wake() {
		wakeUp.release();
	}

	private boolean send(String batch) {
		try {
			Integer rows = ownTransaction.execute(status -> notifications.sendPending(batch));
			return rows != null && rows > 0;
		}
		catch (RuntimeException failure) {
			log.warn("通知批次 {} 发送失败，转由流程引擎按模型重试：{}", batch, failure.toString());
			try {
				ownTransaction.executeWithoutResult(status -> notifications.handOver(batch));
			}
			catch (RuntimeException handOverFailed) {
				log.warn("通知批次 {} 未能转交流程引擎，稍后再试：{}", batch, handOverFailed.toString());
			}
			return false;
		}
	}

	private static boolean await(Future<Boolean> result) {
		try {
			return result.get();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while sending notifications", interrupted);
		}
		catch (ExecutionException failed) {
			throw new IllegalStateException("sending notifications failed", failed.getCause());
		}
	}

	private void work() {
		while (worker == Thread.currentThread()) {
			try {
				sendQueued("");
			}
			catch (RuntimeException failure) {
				if (worker != Thread.currentThread()) {
					return; // stopped while sending
				}
				// e.g. the database is away for a moment: the rows stay queued and the next round takes them
				log.warn("通知发送暂停一轮：{}", failure.toString());
			}
			try {
				if (wakeUp.tryAcquire(settings.interval().toMillis(), TimeUnit.MILLISECONDS)) {
					wakeUp.drainPermits();
				}
			}
			catch (InterruptedException stopped) {
				return;
			}
		}
	}

	@Override
	public synchronized void start() {
		if (settings.enabled() && worker == null) {
			Thread thread = new Thread(this::work, "daiban-notify-dispatcher");
			thread.setDaemon(true);
			worker = thread;
			thread.start();
		}
	}

	@Override
	public synchronized void stop() {
		Thread thread = worker;
		worker = null;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(10_000);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}

	@Override
	public void destroy() {
		senders.shutdownNow();
	}

}
