package com.daiban.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before checking a person's authorizations, the engine narrows their groups to those that appear in any
 * authorization, and finds those with {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}: once in every
 * command, a scan of the whole table. That table keeps the grants of every matter (open and historic, until history
 * clean-up), so the scan grows with the years: at 1,000 finished matters it was already the most expensive statement
 * of a lifecycle (docs/performance.md). The narrowing exists for directories where a user has hundreds of groups; a
 * Daiban user has two or three, and a group without grants simply matches none in the check, so the check is the same
 * with all of them. This keeps the person's groups as they are.
 */
@Component
class AuthorizationGroups extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomSessionFactories());
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new AllGroupsAuthorizationManager();
			}

		});
		configuration.setCustomSessionFactories(factories);
	}

	static final class AllGroupsAuthorizationManager extends AuthorizationManager {

		@Override
		public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
			if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
				return List.of();
			}
			return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds.stream().filter(Objects::nonNull).toList()));
		}

	}

}
