package com.daiban.support;

import java.util.List;
import java.util.Map;

import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Matters of V01 as tests of the residents' page need them: accepted by its agent, and handled by the township. */
public final class ResidentMatters {

	private final MatterIntake intake;

	private final IdentityService identityService;

	private final TaskService taskService;

	public ResidentMatters(MatterIntake intake, IdentityService identityService, TaskService taskService) {
		this.intake = intake;
		this.identityService = identityService;
		this.taskService = taskService;
	}

	public AcceptedMatter accepted(String residentName, String phone) {
		Caller agent = new Caller("agent-v01-a", List.of("village-V01"));
		identityService.setAuthentication(agent.userId(), agent.groupIds());
		try {
			return intake.accept(new MatterDraft("V01", "MZ-001", Channel.OFFICE, residentName, phone, "申请低保", agent.userId()),
					agent);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	/** Accepted and answered by the township clerk: waiting for the resident's sign-off. */
	public AcceptedMatter replied(String residentName, String phone) {
		AcceptedMatter matter = accepted(residentName, phone);
		Task handling = task(matter, "Task_HandleMatter");
		taskService.complete(handling.getId(), Map.of("outcome", "DONE", "reply", "低保已批准，下月起发放"));
		task(matter, "Task_ConfirmSignOff");
		return matter;
	}

	public Task task(AcceptedMatter matter, String key) {
		Task task = taskService.createTaskQuery()
			.processInstanceId(matter.processInstanceId())
			.taskDefinitionKey(key)
			.singleResult();
		if (task == null) {
			throw new AssertionError(matter.matterNo() + " does not wait at " + key);
		}
		return task;
	}

}
