package com.daiban.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** {@code daiban.clock.start-at}: both clocks start there and run on; the postgres profile refuses it unless allowed. */
class ClockConfigurationTests {

	private final ClockConfiguration configuration = new ClockConfiguration();

	@AfterEach
	void resetEngineClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldStartTheApplicationAndTheEngineClockAtTheInstantAndRunForward() throws InterruptedException {
		Clock clock = configuration.clock("Asia/Shanghai", "2026-12-04T18:30:00+08:00", false, new MockEnvironment());
		Instant start = OffsetDateTime.parse("2026-12-04T18:30:00+08:00").toInstant();

		assertThat(Duration.between(start, clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
		assertThat(Duration.between(start, ClockUtil.now().toInstant()).abs()).isLessThan(Duration.ofSeconds(5));
		Instant first = clock.instant();
		Thread.sleep(20);
		assertThat(clock.instant()).isAfter(first);
	}

	@Test
	void shouldLeaveTheClocksAloneWhenNotSet() {
		Clock clock = configuration.clock("Asia/Shanghai", "", false, new MockEnvironment());
		assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void shouldRefuseTheSetClockInThePostgresProfileUnlessAllowed() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("postgres");

		assertThatThrownBy(() -> configuration.clock("Asia/Shanghai", "2026-12-04T18:30:00+08:00", false, production))
			.hasMessageContaining("daiban.clock.allow-in-production");
		assertThat(Duration.between(Instant.now(), ClockUtil.now().toInstant()).abs()).isLessThan(Duration.ofSeconds(5));

		Clock allowed = configuration.clock("Asia/Shanghai", "2026-12-04T18:30:00+08:00", true, production);
		assertThat(allowed.instant()).isBefore(OffsetDateTime.parse("2026-12-05T00:00:00+08:00").toInstant());
	}

	@Test
	void shouldNameTheSettingWhenTheInstantHasNoOffset() {
		assertThatThrownBy(() -> configuration.clock("Asia/Shanghai", "2026-12-04T18:30", false, new MockEnvironment()))
			.hasMessageContaining("daiban.clock.start-at");
	}

}
