package com.daiban.matter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class RatesTests {

	private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T12:00:00+08:00");

	@Test
	void shouldCountAnOpenMatterPastItsPromiseAsLate() {
		Rates rates = Rates.of(List.of(closed("A", "DONE", true), open("B", NOW.minusHours(1)), open("C", NOW.plusHours(1))),
				List.of(), NOW);

		assertThat(rates.onTime()).isEqualTo(1);
		assertThat(rates.late()).isEqualTo(1);
		assertThat(rates.onTimeRate()).isEqualTo(50.0);
	}

	@Test
	void shouldNotCountNotResponsibleOrCannotBeDoneAsResolved() {
		Rates rates = Rates.of(List.of(closed("A", "DONE", true), closed("B", "NOT_RESPONSIBLE", true),
				closed("C", "CANNOT_BE_DONE", true), withdrawn("D")), List.of(), NOW);

		assertThat(rates.resolved()).isEqualTo(1);
		assertThat(rates.resolutionRate()).isEqualTo(33.33);
		assertThat(rates.withdrawn()).isEqualTo(1);
	}

	@Test
	void shouldKeepTheRatingOfARejectedRound() {
		List<MatterRating> ratings = List.of(new MatterRating("A", 2, false, false), new MatterRating("A", 5, true, true),
				new MatterRating("OTHER", 1, false, true));

		Rates rates = Rates.of(List.of(closed("A", "DONE", true)), ratings, NOW);

		assertThat(rates.ratings()).isEqualTo(2);
		assertThat(rates.satisfactionRate()).isEqualTo(50.0);
		assertThat(rates.averageRating()).isEqualTo(3.5);
	}

	@Test
	void shouldHaveNoRatesWithoutMatters() {
		Rates rates = Rates.of(List.of(withdrawn("A")), List.of(), NOW);

		assertThat(rates.onTimeRate()).isNull();
		assertThat(rates.resolutionRate()).isNull();
		assertThat(rates.satisfactionRate()).isNull();
	}

	private static MatterRecord closed(String matterNo, String outcome, boolean onTime) {
		return matter(matterNo, NOW.minusDays(1), NOW.minusHours(2), outcome, onTime, MatterStatus.CLOSED);
	}

	private static MatterRecord open(String matterNo, OffsetDateTime dueAt) {
		return matter(matterNo, dueAt, null, null, null, MatterStatus.HANDLING);
	}

	private static MatterRecord withdrawn(String matterNo) {
		return matter(matterNo, NOW.minusHours(1), null, null, null, MatterStatus.WITHDRAWN);
	}

	private static MatterRecord matter(String matterNo, OffsetDateTime dueAt, OffsetDateTime completedAt, String outcome,
			Boolean onTime, MatterStatus status) {
		return new MatterRecord(matterNo, "V01", "T01", "MZ-001", "OFFICE", "张三", "13800001234", "x", "agent-v01-a",
				null, null, "TOWNSHIP", "township-T01", "P1D", NOW.minusDays(2), dueAt, null, outcome, null, completedAt,
				onTime, null, null, null, null, 0, status, null, null, null, null, null);
	}

}
