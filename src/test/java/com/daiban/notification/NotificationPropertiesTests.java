package com.daiban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The dispatcher's settings: defaults when none are given, and a clear refusal of values it cannot work with. */
class NotificationPropertiesTests {

	@Test
	void shouldDispatchInTheBackgroundByDefaultAndKeepAnOperatorsChoice() {
		NotificationProperties.Dispatch dispatch = new NotificationProperties(null, null, null, null, null, null).dispatch();
		assertThat(dispatch.enabled()).isTrue();
		assertThat(dispatch.interval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(dispatch.threads()).isEqualTo(4);
		NotificationProperties.Dispatch chosen = new NotificationProperties.Dispatch(false, Duration.ofMillis(200), 2);
		assertThat(chosen.enabled()).as("an operator's choice is kept").isFalse();
		assertThat(chosen.interval()).isEqualTo(Duration.ofMillis(200));
		assertThat(chosen.threads()).isEqualTo(2);
	}

	@Test
	void shouldRefuseAnIntervalOrThreadCountItCannotWorkWith() {
		assertThatThrownBy(() -> new NotificationProperties.Dispatch(null, Duration.ZERO, null))
			.hasMessageContaining("daiban.notification.dispatch.interval");
		assertThatThrownBy(() -> new NotificationProperties.Dispatch(null, Duration.ofSeconds(-1), null))
			.hasMessageContaining("daiban.notification.dispatch.interval");
		assertThatThrownBy(() -> new NotificationProperties.Dispatch(null, null, 0))
			.hasMessageContaining("daiban.notification.dispatch.threads");
	}

}
