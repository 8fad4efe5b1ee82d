package com.daiban.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Daiban's access model only grants (identity.AccessGrants); nothing is ever revoked. So the engine is told not to
 * look for revocations ({@code authorization-check-revokes: never}), which saves a query in every command a person runs
 * (docs/performance.md). With that setting a stored revocation would be silently ignored, so none may be stored:
 * Admin and the REST API get {@link GrantsOnlyAuthorizationService}'s refusal, and anything writing to the table
 * directly meets a check constraint {@value #CONSTRAINT} on ACT_RU_AUTHORIZATION, added here after the engine has built
 * its schema. With any other setting the constraint is removed again.
 */
@Component
class GrantsOnlyAuthorizations implements InitializingBean {

	static final String CONSTRAINT = "DAIBAN_GRANTS_ONLY";

	private static final Logger log = LoggerFactory.getLogger(GrantsOnlyAuthorizations.class);

	private final JdbcTemplate jdbc;

	private final boolean revocationsIgnored;

	GrantsOnlyAuthorizations(ProcessEngine processEngine, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.revocationsIgnored = GrantsOnlyAuthorizationService
			.revocationsIgnored(processEngine.getProcessEngineConfiguration());
	}

	@Override
	public void afterPropertiesSet() {
		boolean present = constraintPresent();
		if (revocationsIgnored && !present) {
			Integer revocations = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = ?",
					Integer.class, Authorization.AUTH_TYPE_REVOKE);
			if (revocations != null && revocations > 0) {
				throw new IllegalStateException(revocations + " revoke authorization(s) in ACT_RU_AUTHORIZATION would be "
						+ "ignored with authorization-check-revokes: never. Replace them by narrower grants in Admin, or set "
						+ "camunda.bpm.authorization.authorization-check-revokes: auto");
			}
			jdbc.execute("ALTER TABLE ACT_RU_AUTHORIZATION ADD CONSTRAINT " + CONSTRAINT + " CHECK (TYPE_ <> "
					+ Authorization.AUTH_TYPE_REVOKE + ")");
			log.info("Revoke authorizations are refused by the database ({})", CONSTRAINT);
		}
		else if (!revocationsIgnored && present) {
			jdbc.execute("ALTER TABLE ACT_RU_AUTHORIZATION DROP CONSTRAINT " + CONSTRAINT);
		}
	}

	private boolean constraintPresent() {
		Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
				+ "WHERE UPPER(CONSTRAINT_NAME) = ? AND UPPER(TABLE_NAME) = 'ACT_RU_AUTHORIZATION'", Integer.class,
				CONSTRAINT);
		return count != null && count > 0;
	}

}
