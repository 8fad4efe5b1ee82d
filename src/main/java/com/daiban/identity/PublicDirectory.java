package com.daiban.identity;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * What the public may know of the organisation's staff: names, work phones and posts of a group's members, and group
 * names. Never user ids, e-mail addresses or memberships beyond the group asked for.
 */
@Component
public class PublicDirectory {

	/** User info key of an agent's post ({@code A} or {@code B}). */
	public static final String POST = "post";

	private final IdentityService identityService;

	private final CallerScope callers;

	PublicDirectory(IdentityService identityService, CallerScope callers) {
		this.identityService = identityService;
		this.callers = callers;
	}

	/** The group's members, A post first. */
	public List<PublicContact> members(String groupId) {
		return identityService.createUserQuery()
			.memberOfGroup(groupId)
			.list()
			.stream()
			.map(user -> {
				StaffContact contact = callers.contactOf(user.getId());
				return new PublicContact(contact.name(), contact.phone(), identityService.getUserInfo(user.getId(), POST));
			})
			.sorted(Comparator.comparing((PublicContact c) -> c.post() == null ? "Z" : c.post())
				.thenComparing(PublicContact::name))
			.toList();
	}

	/** The group's display name (e.g. 干窑镇便民服务中心), or {@code null} when there is no such group. */
	public String groupName(String groupId) {
		if (groupId == null) {
			return null;
		}
		Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
		return group == null ? null : group.getName() == null ? groupId : group.getName();
	}

}
