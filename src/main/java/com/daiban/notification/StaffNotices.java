package com.daiban.notification;

import org.springframework.stereotype.Service;

/**
 * Notices to staff that no process step sends (a module telling administrators something), queued and sent like every
 * notification: once per {@code key} and recipient, by the dispatcher.
 */
@Service
public class StaffNotices {

	private final Notifications notifications;

	private final StaffDirectory directory;

	StaffNotices(Notifications notifications, StaffDirectory directory) {
		this.notifications = notifications;
		this.directory = directory;
	}

	/** Queues the notice for every member of the group; a second call with the same key queues nothing. */
	public void notifyGroup(String key, String kind, String groupId, String subject, String body) {
		notifications.queue(key, null, kind, directory.members(groupId), new Message(subject, body));
	}

}
