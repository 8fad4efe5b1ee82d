package com.daiban.engine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.AuthorizationServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Refuses a revocation with a message the administrator can act on (Admin and the REST API show it, 400) while the
 * engine is set not to look for revocations; {@link GrantsOnlyAuthorizations} keeps the database refusing them too.
 */
@Component
class GrantsOnlyAuthorizationService extends AbstractProcessEnginePlugin {

	static final String REFUSAL = "本系统只授予权限，不使用“撤销”类授权（引擎不检查撤销，存入也不会生效）。"
			+ "请删除或缩小相应的授予，而不是新增撤销。";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setAuthorizationService(new Service(configuration));
	}

	/** Whether the engine is set not to look for revocations, so that a stored one would be ignored. */
	static boolean revocationsIgnored(ProcessEngineConfiguration configuration) {
		return ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER
			.equalsIgnoreCase(configuration.getAuthorizationCheckRevokes());
	}

	static final class Service extends AuthorizationServiceImpl {

		private final ProcessEngineConfiguration configuration;

		Service(ProcessEngineConfiguration configuration) {
			this.configuration = configuration;
		}

		@Override
		public Authorization saveAuthorization(Authorization authorization) {
			if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE
					&& revocationsIgnored(configuration)) {
				throw new BadUserRequestException(REFUSAL);
			}
			return super.saveAuthorization(authorization);
		}

	}

}
