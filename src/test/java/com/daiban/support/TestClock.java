package com.daiban.support;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Fixes time for a test: the engine's clock ({@link ClockUtil}) and with it the application's {@code java.time.Clock}
 * bean, which reads the engine's. Tests set it before acting and {@link #reset} it afterwards (the clock is one per JVM).
 */
public final class TestClock {

	private TestClock() {
	}

	/** Stops the clock at {@code instant}, e.g. {@code "2026-09-30T16:00:00+08:00"}. */
	public static Instant set(String instant) {
		return set(OffsetDateTime.parse(instant).toInstant());
	}

	public static Instant set(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
		return instant;
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	public static Instant advance(Duration duration) {
		return set(now().plus(duration));
	}

	public static void reset() {
		ClockUtil.reset();
	}

}
