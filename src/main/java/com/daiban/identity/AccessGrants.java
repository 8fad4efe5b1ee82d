package com.daiban.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Engine authorizations, granted idempotently: a grant that exists is extended, never duplicated. */
@Component
public class AccessGrants {

	private final AuthorizationService authorizations;

	AccessGrants(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	/**
	 * A grant on a resource created in this very command (a new process instance): nothing can exist for it yet, so the
	 * lookup {@link #grantGroup} makes is skipped. Each new instance saves one authorization query per grant.
	 */
	public void grantGroupOnNew(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(groupId);
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		for (Permission permission : permissions) {
			grant.addPermission(permission);
		}
		authorizations.saveAuthorization(grant);
	}

	public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		Authorization grant = existing != null ? existing
				: authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(groupId);
		grant.setResource(resource);
		grant.setResourceId(resourceId);
		boolean changed = existing == null;
		for (Permission permission : permissions) {
			if (!grant.isPermissionGranted(permission)) {
				grant.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizations.saveAuthorization(grant);
		}
	}

	/** Takes permissions out of an existing grant (a database set up when the grant was wider); never a revocation. */
	public void narrowGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (existing == null) {
			return;
		}
		boolean changed = false;
		for (Permission permission : permissions) {
			if (existing.isPermissionGranted(permission)) {
				existing.removePermission(permission);
				changed = true;
			}
		}
		if (changed) {
			authorizations.saveAuthorization(existing);
		}
	}

}
