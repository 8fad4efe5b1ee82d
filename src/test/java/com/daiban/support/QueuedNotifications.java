package com.daiban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * What the job executor does with queued notifications, driven by a test: each batch is a {@code notification-dispatch}
 * instance whose business key starts with the matter (or complaint) number and the notification kind.
 */
public final class QueuedNotifications {

	public static final String DISPATCH_PROCESS = "notification-dispatch";

	private QueuedNotifications() {
	}

	/** The send jobs of the batches whose key starts with {@code batchPrefix}, e.g. {@code "T01-…-0001:PROMISE:"}. */
	public static List<Job> jobs(RuntimeService runtime, ManagementService management, String batchPrefix) {
		List<Job> jobs = new ArrayList<>();
		for (ProcessInstance dispatch : dispatches(runtime, batchPrefix)) {
			jobs.addAll(management.createJobQuery().processInstanceId(dispatch.getId()).list());
		}
		return jobs;
	}

	public static List<ProcessInstance> dispatches(RuntimeService runtime, String batchPrefix) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(DISPATCH_PROCESS)
			.processInstanceBusinessKeyLike(batchPrefix.replace("%", "\\%").replace("_", "\\_") + "%")
			.list();
	}

	/**
	 * Sends the batches whose key starts with {@code batchPrefix}; fails if there is none.
	 * @return the ids of the dispatch instances that ran, for model coverage
	 */
	public static List<String> send(RuntimeService runtime, ManagementService management, String batchPrefix) {
		List<ProcessInstance> dispatches = dispatches(runtime, batchPrefix);
		assertThat(dispatches).as("queued notifications %s*", batchPrefix).isNotEmpty();
		List<String> ran = new ArrayList<>();
		for (ProcessInstance dispatch : dispatches) {
			management.createJobQuery()
				.processInstanceId(dispatch.getId())
				.list()
				.forEach(job -> management.executeJob(job.getId()));
			ran.add(dispatch.getId());
		}
		return ran;
	}

}
