package com.daiban.identity;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the system after the domain has checked the caller itself: e.g. a village agent withdraws
 * a matter of their village, which the domain allows, without holding UPDATE on every process instance (which would
 * also let them change variables through the REST API).
 */
@Component
public class SystemActions {

	private final IdentityService identityService;

	SystemActions(IdentityService identityService) {
		this.identityService = identityService;
	}

	public <T> T run(Supplier<T> action) {
		Authentication caller = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return action.get();
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
		}
	}

}
