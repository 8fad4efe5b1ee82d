package com.daiban.identity.internal;

import java.util.List;

import com.daiban.identity.Groups;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Township;
import com.daiban.organisation.Village;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The demo organisation of the default profile: 干窑镇 with five villages and a second town to prove isolation.
 * Every password is {@code demo}; the postgres profile never loads this.
 */
@Component
class DemoOrganisation {

	static final String PASSWORD = "demo";

	private static final List<Township> TOWNSHIPS = List.of(new Township("T01", "干窑镇", "0573-84500001"),
			new Township("T02", "大云镇", "0573-84500002"));

	private static final List<Village> VILLAGES = List.of(new Village("V01", "宏杨村", "T01"),
			new Village("V02", "新联村", "T01"), new Village("V03", "杨庙社区", "T01"), new Village("V04", "翁村", "T01"),
			new Village("V05", "三发村", "T01"), new Village("V06", "缪家村", "T02"));

	private final Organisation organisation;

	private final IdentityService identityService;

	private final StaffAccess staffAccess;

	private final AdminMembership adminMembership;

	DemoOrganisation(Organisation organisation, IdentityService identityService, StaffAccess staffAccess,
			AdminMembership adminMembership) {
		this.organisation = organisation;
		this.identityService = identityService;
		this.staffAccess = staffAccess;
		this.adminMembership = adminMembership;
	}

	void load() {
		TOWNSHIPS.forEach(organisation::ensureTownship);
		VILLAGES.forEach(organisation::ensureVillage);
		int phone = 0;
		for (Township township : TOWNSHIPS) {
			String code = township.code();
			String lower = code.toLowerCase();
			group(Groups.township(code), township.name() + "便民服务中心", "TOWNSHIP");
			group(Groups.supervision(code), township.name() + "督查办", "SUPERVISION");
			user("clerk-" + lower, township.name() + "窗口", "办事员", "1390000" + String.format("%04d", ++phone),
					Groups.township(code));
			user("supervisor-" + lower, township.name() + "督查办", "督查员", "1390000" + String.format("%04d", ++phone),
					Groups.supervision(code));
		}
		for (Village village : VILLAGES) {
			String group = Groups.village(village.code());
			group(group, village.name() + "代办点", "VILLAGE");
			String lower = village.code().toLowerCase();
			user("agent-" + lower + "-a", village.name() + "代办员", "（A岗）", "1380000" + String.format("%04d", ++phone),
					group);
			user("agent-" + lower + "-b", village.name() + "代办员", "（B岗）", "1380000" + String.format("%04d", ++phone),
					group);
		}
		group(Groups.CITY_CENTER, "市政务服务中心", "CITY");
		user("clerk-city", "市政务服务中心", "办事员", "13700000001", Groups.CITY_CENTER);
		group(Groups.ANALYSTS, "流程分析员", "ANALYSTS");
		user("analyst", "流程", "分析员", "13700000002", Groups.ANALYSTS);
		adminMembership.ensureAdministrator("admin", PASSWORD);
		staffAccess.grantAll();
	}

	private void group(String id, String name, String type) {
		if (identityService.createGroupQuery().groupId(id).count() == 0) {
			Group group = identityService.newGroup(id);
			group.setName(name);
			group.setType(type);
			identityService.saveGroup(group);
		}
	}

	private void user(String id, String firstName, String lastName, String phone, String groupId) {
		if (identityService.createUserQuery().userId(id).count() == 0) {
			User user = identityService.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(id + "@daiban.local");
			user.setPassword(PASSWORD);
			identityService.saveUser(user);
			identityService.setUserInfo(id, "phone", phone);
		}
		if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
			identityService.createMembership(id, groupId);
		}
	}

}
