package com.daiban.worklist.internal;

import com.daiban.identity.AccessGrants;
import com.daiban.identity.GroupGrants;
import com.daiban.identity.IdentityProperties;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/** Lets a group read the shared filters of its kind, whenever the group is saved or gains a member. */
@Component
class FilterGrants implements GroupGrants {

	private final WorklistFilters filters;

	private final FilterService filterService;

	private final AccessGrants grants;

	private final IdentityProperties identity;

	FilterGrants(WorklistFilters filters, FilterService filterService, AccessGrants grants,
			IdentityProperties identity) {
		this.filters = filters;
		this.filterService = filterService;
		this.grants = grants;
		this.identity = identity;
	}

	@Override
	public void grant(String groupId, String groupType) {
		String owner = identity.admin().userId();
		if (owner == null || owner.isBlank()) {
			return;
		}
		for (SharedFilter definition : filters.definitions()) {
			if (!definition.visibleTo(groupType)) {
				continue;
			}
			Filter filter = filterService.createFilterQuery()
				.filterResourceType("Task")
				.filterName(definition.name())
				.filterOwner(owner)
				.singleResult();
			if (filter != null) {
				grants.grantGroup(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
			}
		}
	}

}
