package com.daiban.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a person wrote in one engine command, until the command shows what it was for: a task it completes (checked
 * against that task's form) or a process it starts (checked at once against the start form). What is left when the
 * command ends was written to a running process directly and is refused.
 */
final class WriteWatch implements Session, CommandContextListener {

	enum Kind {
		CREATE, UPDATE, DELETE
	}

	/** One variable written; {@code before} and {@code after} are its stored values as text, for "sent back unchanged". */
	record Write(String name, Kind kind, TypedValue value, boolean isTransient, String before, String after,
			ExecutionEntity execution, String taskId) {

		boolean unchanged() {
			return switch (kind) {
				case UPDATE -> before != null && before.equals(after);
				case CREATE -> after == null || after.isEmpty();
				case DELETE -> false;
			};
		}

	}

	private final VariableWriteGuard guard;

	private final Map<String, String> storedValues = new HashMap<>();

	private final Set<String> personTasks = new HashSet<>();

	private final List<Write> pending = new ArrayList<>();

	private final Map<ExecutionEntity, Set<String>> started = new LinkedHashMap<>();

	private Authentication person;

	WriteWatch(VariableWriteGuard guard) {
		this.guard = guard;
	}

	void remember(String variableId, String storedValue) {
		storedValues.putIfAbsent(variableId, storedValue);
	}

	String storedValue(String variableId) {
		return variableId == null ? null : storedValues.get(variableId);
	}

	void touchedByPerson(String taskId) {
		personTasks.add(taskId);
	}

	boolean isPersonTask(String taskId) {
		return personTasks.contains(taskId);
	}

	void pending(Write write, Authentication person) {
		this.person = person;
		pending.add(write);
	}

	List<Write> takePending() {
		List<Write> taken = List.copyOf(pending);
		pending.clear();
		return taken;
	}

	void started(ExecutionEntity processInstance, Write write, Authentication person) {
		this.person = person;
		Set<String> names = started.computeIfAbsent(processInstance, instance -> new HashSet<>());
		if (write.value() != null && write.value().getValue() != null
				&& !Objects.equals(write.value().getValue(), "")) {
			names.add(write.name());
		}
		else {
			names.remove(write.name());
		}
	}

	@Override
	public void onCommandContextClose(CommandContext commandContext) {
		if (!pending.isEmpty()) {
			guard.settleDirect(takePending(), person);
		}
		started.forEach((instance, names) -> guard.checkStartComplete(instance, names, person));
		started.clear();
	}

	@Override
	public void onCommandFailed(CommandContext commandContext, Throwable t) {
		pending.clear();
		started.clear();
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

}
