package com.daiban.signoff;

import com.daiban.identity.SystemActions;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The resident's sign-off (委托人签字确认) of a replied matter: entered by an agent in Tasklist, or by the resident on
 * the public page. Whichever completes {@value #TASK} first wins; the other finds it gone.
 */
@Service
public class SignOff {

	public static final String TASK = "Task_ConfirmSignOff";

	public static final String CONFIRMED = "residentConfirmed";

	public static final String RATING = "rating";

	public static final String NOTE = "signOffNote";

	/**
	 * Set only while {@link #completeByResident} completes the task on this thread: no form, REST call or variable can
	 * claim that the resident signed.
	 */
	private static final ThreadLocal<Boolean> BY_RESIDENT = new ThreadLocal<>();

	private final TaskService taskService;

	private final SystemActions system;

	SignOff(TaskService taskService, SystemActions system) {
		this.taskService = taskService;
		this.system = system;
	}

	/** Whether the matter's instance waits for the sign-off. */
	public boolean isWaiting(String processInstanceId) {
		return processInstanceId != null && system.run(() -> waitingTask(processInstanceId)) != null;
	}

	/**
	 * Completes the waiting sign-off as the resident, in the caller's transaction.
	 * @return {@code false} when there is nothing to sign (any more): an agent entered it first, or the matter moved on
	 */
	public boolean completeByResident(String processInstanceId, boolean confirmed, int rating, String note) {
		return system.run(() -> {
			Task task = waitingTask(processInstanceId);
			if (task == null) {
				return false;
			}
			BY_RESIDENT.set(Boolean.TRUE);
			try {
				taskService.complete(task.getId(), Variables.createVariables()
					.putValue(CONFIRMED, confirmed)
					.putValue(RATING, rating)
					.putValue(NOTE, note == null || note.isBlank() ? null : note));
				return true;
			}
			catch (OptimisticLockingException raced) {
				return false;
			}
			catch (ProcessEngineException gone) {
				if (waitingTask(processInstanceId) == null) {
					return false;
				}
				throw gone;
			}
			finally {
				BY_RESIDENT.remove();
			}
		});
	}

	/** Whether the completion running on this thread is {@link #completeByResident}'s (read by the ledger step). */
	public static boolean enteredByResident() {
		return Boolean.TRUE.equals(BY_RESIDENT.get());
	}

	private Task waitingTask(String processInstanceId) {
		return taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(TASK)
			.active()
			.singleResult();
	}

}
