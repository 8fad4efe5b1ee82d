package com.daiban.deadline.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock reads the engine's ({@link ClockUtil}): timers, task due dates and everything the
 * application stamps agree on "now" even when the clock is set ({@code daiban.clock.start-at}) or fixed by a test.
 */
final class EngineClock extends Clock {

	private final ZoneId zone;

	EngineClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new EngineClock(zone);
	}

	@Override
	public long millis() {
		return ClockUtil.now().getTime();
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(millis());
	}

}
