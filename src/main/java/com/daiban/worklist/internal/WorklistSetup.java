package com.daiban.worklist.internal;

import com.daiban.identity.IdentityProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the identity setup has created the administrator: the shared filters, owned by the administrator.
 * Which groups read them is {@link FilterGrants}'s, applied as groups are saved and again by the start-up
 * reconciliation of grants.
 */
@Component
@Order(10)
class WorklistSetup implements ApplicationRunner {

	private final WorklistFilters filters;

	private final IdentityProperties identity;

	WorklistSetup(WorklistFilters filters, IdentityProperties identity) {
		this.filters = filters;
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
			filters.ensure(definition, owner);
		}
	}

}
