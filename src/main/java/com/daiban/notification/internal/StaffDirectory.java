package com.daiban.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.daiban.identity.CallerScope;
import com.daiban.identity.StaffContact;
import com.daiban.notification.NotificationProperties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The staff notifications go to, read from the engine's identity service and kept for
 * {@code daiban.notification.directory-cache}: a wave of deadlines notifies the same supervision office and township
 * window thousands of times, and each lookup is several identity queries (members, then each member's phone).
 */
@Component
class StaffDirectory {

	private final IdentityService identityService;

	private final CallerScope callers;

	private final NotificationProperties properties;

	private final Clock clock;

	private final Map<String, Cached<Object>> cache = new ConcurrentHashMap<>();

	StaffDirectory(IdentityService identityService, CallerScope callers, NotificationProperties properties, Clock clock) {
		this.identityService = identityService;
		this.callers = callers;
		this.properties = properties;
		this.clock = clock;
	}

	/** The user as a recipient, or {@code null} if there is no such user. */
	Recipient user(String userId) {
		return cached("user:" + userId,
				() -> identityService.createUserQuery().userId(userId).count() == 0 ? null : toRecipient(userId));
	}

	List<Recipient> members(String groupId) {
		return cached("members:" + groupId, () -> identityService.createUserQuery()
			.memberOfGroup(groupId)
			.list()
			.stream()
			.map(user -> toRecipient(user.getId()))
			.toList());
	}

	/** The group's display name, or its id when it has none. */
	String groupName(String groupId) {
		return cached("group:" + groupId, () -> {
			Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
			return group == null || group.getName() == null ? groupId : group.getName();
		});
	}

	@SuppressWarnings("unchecked")
	private <T> T cached(String key, Supplier<T> lookup) {
		if (properties.directoryCache().isZero()) {
			return lookup.get();
		}
		Instant now = clock.instant();
		Cached<Object> hit = cache.get(key);
		if (hit != null && hit.until().isAfter(now)) {
			return (T) hit.value();
		}
		T value = lookup.get();
		cache.put(key, new Cached<>(value, now.plus(properties.directoryCache())));
		return value;
	}

	private Recipient toRecipient(String userId) {
		StaffContact contact = callers.contactOf(userId);
		return new Recipient(userId, contact.name(), contact.email(), contact.phone());
	}

	private record Cached<T>(T value, Instant until) {
	}

}
