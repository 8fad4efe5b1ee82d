package com.daiban.identity;

/**
 * What another module grants a group of the organisation, e.g. the shared Tasklist filters a kind of group reads.
 * {@link StaffAccess} calls every implementation whenever a group is created or changed, a member is added, and at
 * start-up; implementations must be idempotent.
 */
public interface GroupGrants {

	void grant(String groupId, String groupType);

}
