package com.daiban.identity.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the organisation and the shared filters exist: every group gets what its type needs again, which
 * repairs grants lost while the application was down or changed by hand (groups saved while it runs are granted at
 * once by {@link GrantsFollowOrganisation}).
 */
@Component
@Order(20)
class GrantsReconciliation implements ApplicationRunner {

	private final StaffAccess staffAccess;

	GrantsReconciliation(StaffAccess staffAccess) {
		this.staffAccess = staffAccess;
	}

	@Override
	public void run(ApplicationArguments args) {
		staffAccess.grantAll();
	}

}
