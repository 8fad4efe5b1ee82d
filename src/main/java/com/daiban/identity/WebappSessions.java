package com.daiban.identity;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The person logged in to Camunda's webapps (Tasklist, Cockpit) in this browser: their login lives in the HTTP session,
 * so Tasklist's own scripts can read our domain API without asking for the password again.
 */
public final class WebappSessions {

	private WebappSessions() {
	}

	public static Optional<Caller> callerOf(HttpServletRequest request, String engineName) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		if (authentications == null
				|| !(authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)
				|| user.getName() == null) {
			return Optional.empty();
		}
		return Optional.of(new Caller(user.getName(), user.getGroupIds() == null ? List.of() : user.getGroupIds()));
	}

}
