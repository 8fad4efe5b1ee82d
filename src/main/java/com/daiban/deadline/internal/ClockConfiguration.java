package com.daiban.deadline.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Time is read from one clock in the township's zone, shared with the engine. {@code daiban.clock.start-at}
 * (ISO-8601 with offset, e.g. {@code 2026-12-04T18:30:00+08:00}) starts both at that instant, running forward, for
 * demonstrations and acceptance runs; the {@code postgres} profile refuses it unless
 * {@code daiban.clock.allow-in-production=true}, because every deadline of a real township would move with it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

	@Bean(destroyMethod = "")
	Clock clock(@Value("${daiban.time-zone:Asia/Shanghai}") String zone,
			@Value("${daiban.clock.start-at:}") String startAt,
			@Value("${daiban.clock.allow-in-production:false}") boolean allowInProduction, Environment environment) {
		if (!startAt.isBlank()) {
			Instant start = parse(startAt);
			if (environment.acceptsProfiles(Profiles.of("postgres")) && !allowInProduction) {
				throw new IllegalStateException("daiban.clock.start-at is refused in the postgres profile: it would move "
						+ "every deadline of the townships; set daiban.clock.allow-in-production=true for an acceptance run");
			}
			ClockUtil.offset(start.toEpochMilli() - System.currentTimeMillis());
			log.warn("clock set: application and engine start at {} and run forward (daiban.clock.start-at)", start);
		}
		return new EngineClock(ZoneId.of(zone));
	}

	@Bean
	ClockReset clockReset(@Value("${daiban.clock.start-at:}") String startAt) {
		return new ClockReset(!startAt.isBlank());
	}

	private static Instant parse(String startAt) {
		try {
			return OffsetDateTime.parse(startAt.trim()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new IllegalStateException("daiban.clock.start-at is not an ISO-8601 instant with offset such as "
					+ "2026-09-30T16:00:00+08:00: " + startAt, e);
		}
	}

	/** Gives the engine its system clock back when a context that set it closes (tests start several in one JVM). */
	record ClockReset(boolean set) implements org.springframework.beans.factory.DisposableBean {

		@Override
		public void destroy() {
			if (set) {
				ClockUtil.reset();
			}
		}

	}

}
