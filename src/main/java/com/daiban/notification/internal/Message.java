package com.daiban.notification.internal;

import java.util.Map;

/**
 * @param parameters the named values filled into the texts ({@code matterNo}, {@code dueAt}, ...), as an SMS
 * platform's approved template takes them
 */
record Message(String subject, String body, Map<String, String> parameters) {

	Message {
		parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
	}

	Message(String subject, String body) {
		this(subject, body, Map.of());
	}

}
