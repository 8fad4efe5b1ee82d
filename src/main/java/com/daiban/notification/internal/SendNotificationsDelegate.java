package com.daiban.notification.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The send step of {@code notification-dispatch}: the process instance's business key names the queued batch. */
@Component
class SendNotificationsDelegate implements JavaDelegate {

	private final Notifications notifications;

	SendNotificationsDelegate(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String batchKey = execution.getProcessBusinessKey();
		if (batchKey == null || batchKey.isBlank()) {
			throw new IllegalStateException("notification-dispatch needs the batch key as its business key");
		}
		notifications.dispatch(batchKey);
	}

}
