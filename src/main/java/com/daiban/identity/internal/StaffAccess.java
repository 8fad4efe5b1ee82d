package com.daiban.identity.internal;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import com.daiban.identity.AccessGrants;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Which application and which resources each kind of group reaches. Tasks themselves are granted by the engine to
 * their candidate group; process instances are granted per matter to its village, township and supervision office,
 * so a group never sees another village's work.
 */
@Component
class StaffAccess {

	static final String TASKLIST = "tasklist";

	static final String COCKPIT = "cockpit";

	private final IdentityService identityService;

	private final AccessGrants grants;

	StaffAccess(IdentityService identityService, AccessGrants grants) {
		this.identityService = identityService;
		this.grants = grants;
	}

	/** Grants every existing group what its type needs; run after groups are created. */
	public void grantAll() {
		for (Group group : identityService.createGroupQuery().list()) {
			grantForType(group.getId(), group.getType());
		}
	}

	void grantForType(String groupId, String type) {
		if (type == null) {
			return;
		}
		switch (type) {
			case "VILLAGE" -> {
				staff(groupId);
				grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, "*", READ, CREATE_INSTANCE);
				grants.grantGroup(groupId, Resources.PROCESS_INSTANCE, "*", CREATE);
			}
			case "TOWNSHIP", "CITY" -> {
				staff(groupId);
				grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, "*", READ);
				// the township center receives real-name complaints and may enter them from Tasklist
				if ("TOWNSHIP".equals(type)) {
					grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, "complaint", READ, CREATE_INSTANCE);
					grants.grantGroup(groupId, Resources.PROCESS_INSTANCE, "*", CREATE);
				}
			}
			case "SUPERVISION" -> {
				staff(groupId);
				grants.grantGroup(groupId, Resources.APPLICATION, COCKPIT, ACCESS);
				grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, "*", READ);
				grants.grantGroup(groupId, Resources.DECISION_DEFINITION, "*", READ);
				// the office may re-run a month's inspection from Tasklist
				grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, "monthly-inspection", READ, CREATE_INSTANCE);
				grants.grantGroup(groupId, Resources.PROCESS_INSTANCE, "*", CREATE);
			}
			case "ANALYSTS" -> {
				grants.grantGroup(groupId, Resources.APPLICATION, COCKPIT, ACCESS);
				grants.grantGroup(groupId, Resources.USER, "*", READ);
				grants.grantGroup(groupId, Resources.DEPLOYMENT, "*", CREATE, READ, DELETE);
				// Analysts shape the models, not the cases: no instance or history reads, since those carry residents'
				// names and phones. Decision history (item attributes only) stays readable for tuning the routing.
				grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, "*", READ, UPDATE);
				grants.grantGroup(groupId, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY);
				grants.grantGroup(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
			}
			default -> {
			}
		}
	}

	private void staff(String groupId) {
		grants.grantGroup(groupId, Resources.APPLICATION, TASKLIST, ACCESS);
		// The source publishes every agent's and clerk's name and phone: staff may read the directory.
		grants.grantGroup(groupId, Resources.USER, "*", READ);
		grants.grantGroup(groupId, Resources.GROUP, "*", READ);
	}

}
