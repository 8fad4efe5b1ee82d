package com.daiban.notification.internal;

import com.daiban.notification.StaffNotices;
import org.springframework.stereotype.Service;

@Service
class QueuedStaffNotices implements StaffNotices {

	private final Notifications notifications;

	private final StaffDirectory directory;

	QueuedStaffNotices(Notifications notifications, StaffDirectory directory) {
		this.notifications = notifications;
		this.directory = directory;
	}

	@Override
	public void notifyGroup(String key, String kind, String groupId, String subject, String body) {
		notifications.queue(key, null, kind, directory.members(groupId), new Message(subject, body));
	}

}
