package com.daiban.identity.internal;

import java.util.concurrent.Callable;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whoever saves a group or adds a member (the organisation import, the Admin webapp, the engine REST API, Java code)
 * goes through the engine's identity provider: this one grants the group what its type needs in the same transaction,
 * so new staff can work without a restart. The grants themselves are {@link StaffAccess}'s.
 */
@Component
class GrantsFollowOrganisation extends AbstractProcessEnginePlugin {

	private final ObjectProvider<StaffAccess> staffAccess;

	GrantsFollowOrganisation(ObjectProvider<StaffAccess> staffAccess) {
		this.staffAccess = staffAccess;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setIdentityProviderSessionFactory(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return GrantingIdentityProvider.class;
			}

			@Override
			public Session openSession() {
				return new GrantingIdentityProvider(GrantsFollowOrganisation.this);
			}

		});
	}

	/** Runs inside the engine command that saved the group: the group may not be flushed yet, so its type is passed. */
	void groupSaved(String groupId, String type) {
		StaffAccess access = staffAccess.getIfAvailable();
		if (access != null) {
			Context.getCommandContext().runWithoutAuthorization((Callable<Void>) () -> {
				access.grantGroup(groupId, type);
				return null;
			});
		}
	}

	void memberAdded(String groupId) {
		StaffAccess access = staffAccess.getIfAvailable();
		if (access != null) {
			Context.getCommandContext().runWithoutAuthorization((Callable<Void>) () -> {
				access.grantGroup(groupId);
				return null;
			});
		}
	}

	static final class GrantingIdentityProvider extends DbIdentityServiceProvider {

		private final GrantsFollowOrganisation listener;

		GrantingIdentityProvider(GrantsFollowOrganisation listener) {
			this.listener = listener;
		}

		@Override
		public IdentityOperationResult saveGroup(Group group) {
			IdentityOperationResult result = super.saveGroup(group);
			listener.groupSaved(group.getId(), group.getType());
			return result;
		}

		@Override
		public IdentityOperationResult createMembership(String userId, String groupId) {
			IdentityOperationResult result = super.createMembership(userId, groupId);
			listener.memberAdded(groupId);
			return result;
		}

	}

}
