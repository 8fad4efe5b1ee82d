package com.daiban.identity.internal;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import java.util.List;

import com.daiban.identity.AccessGrants;
import com.daiban.identity.GroupGrants;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Which application and which resources each kind of group reaches. Tasks themselves are granted by the engine to
 * their candidate group; process instances are granted per matter to its village, township and supervision office,
 * so a group never sees another village's work. This is the one place that maps kinds of group to authorizations; it
 * runs whenever a group or membership is saved (through any API, see {@code GrantsFollowOrganisation}) and at start-up.
 */
@Component
class StaffAccess {

	static final String TASKLIST = "tasklist";

	static final String COCKPIT = "cockpit";

	static final String PROXY_MATTER = "proxy-matter";

	private final IdentityService identityService;

	private final AccessGrants grants;

	private final List<GroupGrants> others;

	StaffAccess(IdentityService identityService, AccessGrants grants, List<GroupGrants> others) {
		this.identityService = identityService;
		this.grants = grants;
		this.others = others;
	}

	/** Grants every existing group what its type needs: at start-up this repairs whatever drifted. */
	public void grantAll() {
		for (Group group : identityService.createGroupQuery().list()) {
			grantGroup(group.getId(), group.getType());
		}
	}

	/** Grants one stored group what its type needs, e.g. after a member was added. */
	public void grantGroup(String groupId) {
		Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
		if (group != null) {
			grantGroup(group.getId(), group.getType());
		}
	}

	/** Grants a group what its type needs, e.g. as it is created or its type changes. */
	public void grantGroup(String groupId, String type) {
		if (type == null) {
			return;
		}
		grantOwn(groupId, type);
		for (GroupGrants other : others) {
			other.grant(groupId, type);
		}
	}

	private void grantOwn(String groupId, String type) {
		switch (type) {
			case "VILLAGE" -> {
				staff(groupId);
				// agents start proxy matters only: Tasklist's start list shows what a group may start
				grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, "*", READ);
				grants.narrowGroup(groupId, Resources.PROCESS_DEFINITION, "*", CREATE_INSTANCE);
				grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, PROXY_MATTER, READ, CREATE_INSTANCE);
				grants.grantGroup(groupId, Resources.PROCESS_INSTANCE, "*", CREATE);
			}
			case "TOWNSHIP", "CITY" -> {
				staff(groupId);
				grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, "*", READ);
				// the city center watches every township in Cockpit's supervision workspace
				if ("CITY".equals(type)) {
					grants.grantGroup(groupId, Resources.APPLICATION, COCKPIT, ACCESS);
				}
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
			case "HIGHER_SUPERVISION" -> {
				// the city's supervision oversees every township: Cockpit and every matter's history, nothing to change
				staff(groupId);
				grants.grantGroup(groupId, Resources.APPLICATION, COCKPIT, ACCESS);
				grants.grantGroup(groupId, Resources.PROCESS_DEFINITION, "*", READ, READ_HISTORY);
				grants.grantGroup(groupId, Resources.DECISION_DEFINITION, "*", READ);
				grants.grantGroup(groupId, Resources.PROCESS_INSTANCE, "*", READ);
				grants.grantGroup(groupId, Resources.HISTORIC_PROCESS_INSTANCE, "*", READ);
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
