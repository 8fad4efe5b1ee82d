package com.daiban.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The history level {@value #NAME}: everything {@code full} keeps that the supervision office audits, without the two
 * logs that only repeat what is kept elsewhere (docs/performance.md, "History level `supervision`").
 * <ul>
 * <li>Kept: process, activity and task instances (who claimed, delegated and completed which step, when), the final
 * value of every variable, identity links, incidents, the routing decisions with their inputs and outputs, and the user
 * operation log that Cockpit shows.</li>
 * <li>Dropped: the value-by-value change log of variables ({@code ACT_HI_DETAIL}; a matter's changes that matter are
 * in its own timeline, {@code matter_event}), and the routine job log: a job created, done or removed. A job that
 * <em>fails</em> is still logged, with its error.</li>
 * </ul>
 * Together they were 45 of the 437 statements of a lifecycle (docs/performance.md, counted in the benchmark's P1).
 */
@Component
class SupervisionHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

	/** The value of {@code camunda.bpm.history-level}. */
	static final String NAME = "supervision";

	/** Stored in ACT_GE_PROPERTY; the engine's own levels are 0 to 3. */
	static final int ID = 30;

	private static final Set<HistoryEventType> DROPPED = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
			HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE);

	@Override
	public int getId() {
		return ID;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
		return !DROPPED.contains(eventType);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomHistoryLevels());
		levels.add(this);
		configuration.setCustomHistoryLevels(levels);
	}

}
