package com.daiban.engine;

import java.util.Set;

/**
 * Variables of one process that its own steps set (numbers, routes, deadlines): no person writes them, whatever a form
 * says, except an administrator, and that is recorded. Each module declares those of its process as a bean; the outputs
 * of decisions, mappings and the initiator are read from the model itself ({@link VariableWriteGuard}).
 */
public record ProcessOwnedVariables(String processKey, Set<String> names) {

	public ProcessOwnedVariables {
		names = Set.copyOf(names);
	}

	public static ProcessOwnedVariables of(String processKey, String... names) {
		return new ProcessOwnedVariables(processKey, Set.of(names));
	}

}
