package com.daiban.matter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The three rates (三率) of a set of matters, counted the one way every report, inspection and dashboard uses:
 * <ul>
 * <li>on-time rate (按时办结率): matters completed within their promise, of those completed or still open past it (an
 * open matter past its due instant is late already);</li>
 * <li>resolution rate (办结率): matters closed as done, of those not withdrawn (「非本单位职责」「无法办理」 are answered,
 * not resolved);</li>
 * <li>satisfaction rate (满意率): satisfied ratings, of every rating given, also those of rounds the resident rejected.</li>
 * </ul>
 * Withdrawn matters count in none of them. Rates are percentages with two decimals, {@code null} without a denominator.
 */
public record Rates(int accepted, int withdrawn, int onTime, int late, int resolved, int ratings, int satisfied,
		int ratingSum) {

	/** The rates of {@code matters} as of {@code now}; ratings of other matters are ignored. */
	public static Rates of(Collection<MatterRecord> matters, Collection<MatterRating> ratings, OffsetDateTime now) {
		int withdrawn = 0, onTime = 0, late = 0, resolved = 0;
		for (MatterRecord m : matters) {
			if (m.status() == MatterStatus.WITHDRAWN) {
				withdrawn++;
				continue;
			}
			if (Boolean.TRUE.equals(m.onTime())) {
				onTime++;
			}
			else if (Boolean.FALSE.equals(m.onTime()) || m.overdue(now)) {
				late++;
			}
			if (m.status() == MatterStatus.CLOSED && MatterOutcome.DONE.name().equals(m.outcome())) {
				resolved++;
			}
		}
		Set<String> counted = matters.stream()
			.filter(m -> m.status() != MatterStatus.WITHDRAWN)
			.map(MatterRecord::matterNo)
			.collect(Collectors.toSet());
		int given = 0, satisfied = 0, sum = 0;
		for (MatterRating rating : ratings) {
			if (counted.contains(rating.matterNo())) {
				given++;
				sum += rating.rating();
				satisfied += rating.satisfied() ? 1 : 0;
			}
		}
		return new Rates(matters.size(), withdrawn, onTime, late, resolved, given, satisfied, sum);
	}

	public Double onTimeRate() {
		return percent(onTime, onTime + late);
	}

	public Double resolutionRate() {
		return percent(resolved, accepted - withdrawn);
	}

	public Double satisfactionRate() {
		return percent(satisfied, ratings);
	}

	/** The mean of the ratings given (1–5), {@code null} without any. */
	public Double averageRating() {
		return ratings == 0 ? null : round(ratingSum / (double) ratings);
	}

	private static Double percent(int part, int whole) {
		return whole <= 0 ? null : round(100.0 * part / whole);
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
