package com.daiban.notification.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.daiban.engine.StepSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Notifies the people the model names: renders the message now, from this step's variables, and queues it for the
 * asynchronous dispatch (see {@link Notifications#queue}).
 * <p>
 * Settings of the step (element template {@code com.daiban.notify}, read by {@link StepSettings}):
 * {@code notificationKind} (PROMISE, REMINDER, OVERDUE, …, or any word when {@code messageText} is given),
 * {@code recipients} (comma-separated: RESIDENT, AGENT, HANDLERS, SUPERVISION, or {@code group:<id>}), optional
 * {@code messageText}/{@code messageSubject} with {variable} placeholders.
 */
@Component
class NotifyDelegate implements JavaDelegate {

	private final Notifications notifications;

	private final StaffDirectory directory;

	NotifyDelegate(Notifications notifications, StaffDirectory directory) {
		this.notifications = notifications;
		this.directory = directory;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String kind = StepSettings.get(execution, "notificationKind");
		String recipients = StepSettings.get(execution, "recipients");
		if (kind == null || recipients == null) {
			throw new IllegalStateException("notify needs 'notificationKind' and 'recipients' settings in the model");
		}
		Map<String, Object> variables = new HashMap<>(execution.getVariables());
		String handlingGroup = (String) variables.get("handlingGroup");
		variables.put("handlingUnitName", handlingGroup == null ? "" : directory.groupName(handlingGroup));
		String text = StepSettings.get(execution, "messageText");
		Message message = text == null || text.isBlank() ? MessageTemplates.forKind(kind, variables)
				: MessageTemplates.custom(orDefault(StepSettings.get(execution, "messageSubject"), "便民代办通知"), text,
						variables);
		String matterNo = (String) variables.get("matterNo");
		// A process about something other than one matter round (a complaint) names its own scope for idempotency.
		Object scope = variables.get("notificationScope") != null ? variables.get("notificationScope") : matterNo;
		String keyBase = scope + ":" + kind + ":" + variables.get("promiseRound") + ":" + execution.getCurrentActivityId();
		notifications.queue(keyBase, matterNo, kind, resolve(recipients, variables), message);
	}

	private List<Recipient> resolve(String roles, Map<String, Object> variables) {
		Set<Recipient> result = new LinkedHashSet<>();
		for (String role : roles.split(",")) {
			switch (role.trim()) {
				case "RESIDENT" -> result.add(new Recipient("resident:" + variables.get("residentPhone"),
						(String) variables.get("residentName"), null, (String) variables.get("residentPhone")));
				case "AGENT" -> addUser(result, (String) variables.get("agentId"));
				case "HANDLERS" -> addGroup(result, (String) variables.get("handlingGroup"));
				case "SUPERVISION" -> addGroup(result, "supervision-" + variables.get("townshipCode"));
				case "" -> {
				}
				default -> {
					if (role.trim().startsWith("group:")) {
						addGroup(result, role.trim().substring("group:".length()));
					}
					else {
						throw new IllegalStateException("unknown recipient " + role.trim());
					}
				}
			}
		}
		return new ArrayList<>(result);
	}

	private void addUser(Set<Recipient> result, String userId) {
		if (userId != null) {
			Recipient user = directory.user(userId);
			if (user != null) {
				result.add(user);
			}
		}
	}

	private void addGroup(Set<Recipient> result, String groupId) {
		if (groupId != null) {
			result.addAll(directory.members(groupId));
		}
	}

	private static String orDefault(String value, String fallback) {
		return value == null ? fallback : value;
	}

}
