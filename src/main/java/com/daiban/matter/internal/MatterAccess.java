package com.daiban.matter.internal;

import com.daiban.identity.AccessGrants;
import com.daiban.identity.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Grants a matter's instance to exactly the groups that may follow it in Cockpit and the REST API. */
@Component
class MatterAccess {

	private final AccessGrants grants;

	MatterAccess(AccessGrants grants) {
		this.grants = grants;
	}

	/** Called once, by the registration step of the instance being started. */
	void grantInstance(String processInstanceId, String villageCode, String townshipCode) {
		for (String group : homeGroups(villageCode, townshipCode)) {
			grants.grantGroupOnNew(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
			grants.grantGroupOnNew(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
					HistoricProcessInstancePermissions.READ);
		}
	}

	/**
	 * The unit the matter was routed to, when it is not one of the home groups already granted (their grants may
	 * still be unflushed in this very command, where a query would not see them).
	 */
	void grantHandlingUnit(String processInstanceId, String handlingGroup, String villageCode, String townshipCode) {
		if (handlingGroup != null && !homeGroups(villageCode, townshipCode).contains(handlingGroup)) {
			grant(handlingGroup, processInstanceId);
		}
	}

	private void grant(String group, String processInstanceId) {
		grants.grantGroup(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
		grants.grantGroup(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
	}

	private static java.util.List<String> homeGroups(String villageCode, String townshipCode) {
		return java.util.List.of(Groups.village(villageCode), Groups.township(townshipCode),
				Groups.supervision(townshipCode));
	}

}
