package com.daiban.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.QueuedNotifications;
import com.daiban.support.TestDatabase;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine settings chosen for speed keep what the supervision office relies on. */
@DaibanSpringBootTest
class EngineSettingsTests {

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldEvaluateDecisionsWithThePlainFeelEngineInFront() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration();

		assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(PlainFeelEngine.class);
	}

	@Test
	void shouldRefuseToStoreARevocationThatTheEngineWouldIgnore() {
		int grantsBefore = count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION");
		Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
		revoke.setGroupId("village-V01");
		revoke.setResource(Resources.PROCESS_DEFINITION);
		revoke.setResourceId("proxy-matter");
		revoke.removePermission(Permissions.READ);
		assertThatThrownBy(() -> authorizationService.saveAuthorization(revoke))
			.hasMessage(GrantsOnlyAuthorizationService.REFUSAL);
		assertThatThrownBy(() -> jdbc.update("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, "
				+ "RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) VALUES ('direct-revoke', 1, 2, 'village-V01', 6, 'proxy-matter', 2)"))
			.satisfies(refused -> assertThat(refused.getMessage()).containsIgnoringCase(GrantsOnlyAuthorizations.CONSTRAINT));

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> viaAdmin = rest.withBasicAuth("admin", "demo")
			.postForEntity("/engine-rest/authorization/create", new HttpEntity<>("""
					{"type": 2, "permissions": ["READ"], "groupId": "village-V01", "resourceType": 6,
					 "resourceId": "proxy-matter"}""", headers), String.class);
		assertThat(viaAdmin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(viaAdmin.getBody()).contains(GrantsOnlyAuthorizationService.REFUSAL);

		assertThat(count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 2")).isZero();
		assertThat(count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION")).isEqualTo(grantsBefore);
	}

	@Test
	void shouldKeepTheAuditTrailButNotTheVariableChangeLogNorRoutineJobLog() {
		// the migration that moves a database created at "full" is registered (on this fresh database it had nothing to do)
		assertThat(count("SELECT COUNT(*) FROM \"daiban_schema_history\" WHERE \"version\" = '12' AND \"success\"")).isEqualTo(1);
		assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
			.getHistoryLevel()
			.getName())
			.isEqualTo(SupervisionHistoryLevel.NAME);
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(QueuedNotifications.DISPATCH_PROCESS,
				"settings-test:1", Map.of("note", "first"));
		identityService.setAuthentication("admin", java.util.List.of("camunda-admin"));
		try {
			runtimeService.setVariable(instance.getId(), "note", "second");
		}
		finally {
			identityService.clearAuthentication();
		}
		try {
			assertThat(historyService.createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId())
				.variableName("note")
				.singleResult()
				.getValue()).isEqualTo("second");
			assertThat(historyService.createUserOperationLogQuery()
				.processInstanceId(instance.getId())
				.operationType(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE)
				.userId("admin")
				.count()).isEqualTo(1);
			assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count())
				.isPositive();
			assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
			// the dispatch step's job was created, and the routine job log did not record it
			assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
				.isEqualTo(1);
			assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance.getId()).count()).isZero();
		}
		finally {
			runtimeService.deleteProcessInstance(instance.getId(), "test done");
		}
	}

	@Test
	void shouldCheckAPersonsGroupsWithoutScanningEveryGrantFirst() {
		Class<?> manager = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine
			.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(commandContext -> commandContext.getAuthorizationManager().getClass());
		assertThat(manager).isEqualTo(AuthorizationGroups.AllGroupsAuthorizationManager.class);
		assertThat(new AuthorizationGroups.AllGroupsAuthorizationManager()
			.filterAuthenticatedGroupIds(java.util.Arrays.asList("village-V01", null, "group-without-grants", "village-V01")))
			.containsExactly("village-V01", "group-without-grants");
	}

	@Test
	void shouldIndexTheEngineTablesForAcquisitionAndTasklist() {
		if (TestDatabase.isPostgres()) {
			assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'daiban_idx_%'", String.class))
				.contains("daiban_idx_job_acquisition", "daiban_idx_task_due_date", "daiban_idx_ident_lnk_candidates",
						"daiban_idx_job_locked", "daiban_idx_task_id_due_date")
				.doesNotContain("daiban_idx_ident_lnk_group_task");
			// only the jobs being executed: the acquisition's "exclusive job in progress" check reads a handful of rows
			assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'daiban_idx_job_locked'",
					String.class)).containsIgnoringCase("WHERE (lock_owner_ IS NOT NULL)");
		}
		else {
			assertThat(jdbc.queryForList("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME LIKE 'DAIBAN_IDX_%'",
					String.class))
				.contains("DAIBAN_IDX_JOB_ACQUISITION", "DAIBAN_IDX_TASK_DUE_DATE", "DAIBAN_IDX_IDENT_LNK_CANDIDATES")
				.doesNotContain("DAIBAN_IDX_IDENT_LNK_GROUP_TASK")
				.as("H2 has no partial indexes").doesNotContain("DAIBAN_IDX_JOB_LOCKED")
				.as("only PostgreSQL counts by due dates on it").doesNotContain("DAIBAN_IDX_TASK_ID_DUE_DATE");
		}
	}

	private int count(String sql) {
		Integer count = jdbc.queryForObject(sql, Integer.class);
		return count == null ? 0 : count;
	}

}
