package com.daiban.worklist.internal;

import java.util.Set;

import org.camunda.bpm.engine.task.TaskQuery;

/**
 * One Tasklist filter shared by admin: its Chinese name, the stored query, and the kinds of group (Camunda group
 * types VILLAGE, TOWNSHIP, CITY, SUPERVISION) that may read it.
 */
record SharedFilter(String name, String description, int priority, String color, TaskQuery query,
		Set<String> groupTypes) {

	boolean visibleTo(String groupType) {
		return groupTypes.contains(groupType);
	}

}
