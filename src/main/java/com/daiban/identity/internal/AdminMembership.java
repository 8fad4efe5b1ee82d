package com.daiban.identity.internal;

import com.daiban.identity.AccessGrants;
import com.daiban.identity.Groups;
import com.daiban.identity.IdentityProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps camunda-admin with a direct member. Camunda 7.24.0's Admin setup endpoint (CVE-2026-77226) lets anyone create
 * an administrator while that group has none; the endpoint is closed as well, this is the second lock.
 */
@Component
@EnableScheduling
class AdminMembership {

	private static final Logger log = LoggerFactory.getLogger(AdminMembership.class);

	private final IdentityService identityService;

	private final AccessGrants grants;

	private final IdentityProperties properties;

	AdminMembership(IdentityService identityService, AccessGrants grants, IdentityProperties properties) {
		this.identityService = identityService;
		this.grants = grants;
		this.properties = properties;
	}

	/** Creates the configured administrator if missing, puts it in camunda-admin and gives the group everything. */
	void ensureAdministrator(String userId, String password) {
		if (identityService.createGroupQuery().groupId(Groups.ADMIN).count() == 0) {
			Group group = identityService.newGroup(Groups.ADMIN);
			group.setName("系统管理员");
			group.setType("SYSTEM");
			identityService.saveGroup(group);
		}
		if (identityService.createUserQuery().userId(userId).count() == 0) {
			User user = identityService.newUser(userId);
			user.setFirstName("系统");
			user.setLastName("管理员");
			user.setPassword(password);
			identityService.saveUser(user);
		}
		if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.ADMIN).count() == 0) {
			identityService.createMembership(userId, Groups.ADMIN);
		}
		for (Resources resource : Resources.values()) {
			grants.grantGroup(Groups.ADMIN, resource, "*", Permissions.ALL);
		}
	}

	/** Restores the configured administrator's membership should the group ever be emptied. */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void keepDirectMember() {
		String userId = properties.admin().userId();
		if (userId == null || identityService.createUserQuery().memberOfGroup(Groups.ADMIN).count() > 0) {
			return;
		}
		if (identityService.createUserQuery().userId(userId).count() > 0) {
			log.warn("camunda-admin had no direct member; restoring {}", userId);
			identityService.createMembership(userId, Groups.ADMIN);
		}
	}

}
