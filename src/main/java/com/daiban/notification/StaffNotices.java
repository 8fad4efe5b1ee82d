package com.daiban.notification;

/**
 * Notices to staff that no process step sends (a module telling administrators something), queued and sent like every
 * notification: once per {@code key} and recipient, by the dispatcher.
 */
public interface StaffNotices {

	/** Queues the notice for every member of the group; a second call with the same key queues nothing. */
	void notifyGroup(String key, String kind, String groupId, String subject, String body);

}
