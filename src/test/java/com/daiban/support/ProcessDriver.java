package com.daiban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** What process tests do to the engine in place of people and the job executor: act as a user, run a waiting job. */
@Component
public class ProcessDriver {

	private final IdentityService identityService;

	private final ManagementService managementService;

	ProcessDriver(IdentityService identityService, ManagementService managementService) {
		this.identityService = identityService;
		this.managementService = managementService;
	}

	/** Runs {@code action} authenticated as {@code user} of {@code group}, as Tasklist would. */
	public <T> T as(String user, String group, Supplier<T> action) {
		identityService.setAuthentication(user, List.of(group));
		try {
			return action.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	/** Executes the one job waiting at {@code activityId} (a timer, an async step); fails if there is none. */
	public void executeJob(ProcessInstance instance, String activityId) {
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job at %s", activityId).isNotNull();
		managementService.executeJob(job.getId());
	}

}
