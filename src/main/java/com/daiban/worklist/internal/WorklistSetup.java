package com.daiban.worklist.internal;

import com.daiban.identity.AccessGrants;
import com.daiban.identity.IdentityProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the identity setup has created the groups: the shared filters, owned by the administrator and
 * readable by the groups whose type they serve. Groups added later in Admin get their filters at the next start.
 */
@Component
@Order(10)
class WorklistSetup implements ApplicationRunner {

	private final WorklistFilters filters;

	private final IdentityService identityService;

	private final AccessGrants grants;

	private final IdentityProperties identity;

	WorklistSetup(WorklistFilters filters, IdentityService identityService, AccessGrants grants,
			IdentityProperties identity) {
		this.filters = filters;
		this.identityService = identityService;
		this.grants = grants;
		this.identity = identity;
	}

	@Override
	public void run(ApplicationArguments args) {
		String owner = identity.admin().userId();
		if (owner == null || owner.isBlank()) {
			// Without an administrator nobody could maintain the filters in Tasklist.
			return;
		}
		for (SharedFilter definition : filters.definitions()) {
			Filter filter = filters.ensure(definition, owner);
			for (Group group : identityService.createGroupQuery().list()) {
				if (group.getType() != null && definition.visibleTo(group.getType())) {
					grants.grantGroup(group.getId(), Resources.FILTER, filter.getId(), Permissions.READ);
				}
			}
		}
	}

}
