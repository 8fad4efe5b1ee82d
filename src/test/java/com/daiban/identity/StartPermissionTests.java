package com.daiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Tasklist's 发起流程 list, as its query asks the engine: only what the person's role may start. */
@DaibanSpringBootTest
class StartPermissionTests {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@ParameterizedTest
	@CsvSource({ "agent-v01-a, proxy-matter", "clerk-t01, complaint", "supervisor-t01, monthly-inspection",
			"clerk-city, ''" })
	void shouldOfferOnlyTheProcessesTheRoleMayStart(String userId, String startable) {
		List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
		identityService.setAuthentication(userId, groups);
		try {
			List<String> keys = repositoryService.createProcessDefinitionQuery()
				.latestVersion()
				.active()
				.startableInTasklist()
				.startablePermissionCheck()
				.list()
				.stream()
				.map(ProcessDefinition::getKey)
				.toList();
			assertThat(keys).containsExactlyElementsOf(startable.isEmpty() ? List.of() : List.of(startable));
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
