package com.daiban.identity;

import com.daiban.web.NotAuthenticatedException;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Reads the caller that the engine authentication filter established for this request. */
@Component
public class CallerScope {

	private final IdentityService identityService;

	CallerScope(IdentityService identityService) {
		this.identityService = identityService;
	}

	public Caller current() {
		return authenticated().orElseThrow(NotAuthenticatedException::new);
	}

	/** The caller, when a person (not the job executor or the system) is acting. */
	public Optional<Caller> authenticated() {
		Authentication authentication = identityService.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return Optional.empty();
		}
		return Optional.of(new Caller(authentication.getUserId(),
				authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds()));
	}

	/** The acting person's user id, {@code null} when the job executor or the system acts. */
	public String userId() {
		return authenticated().map(Caller::userId).orElse(null);
	}

	/** The user's display name and phone, as printed on the registration ledger. */
	public StaffContact contactOf(String userId) {
		var user = identityService.createUserQuery().userId(userId).singleResult();
		String name = user == null ? userId : (nullToEmpty(user.getFirstName()) + nullToEmpty(user.getLastName())).trim();
		return new StaffContact(userId, name.isEmpty() ? userId : name, identityService.getUserInfo(userId, "phone"),
				user == null ? null : user.getEmail());
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
