package com.daiban.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Township;
import com.daiban.organisation.Village;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The year-end assessment (年终考核) of villages, agents and townships: the three rates (三率) from the ledger, the
 * negative list as reviewed (CONFIRMED entries only: proposed or struck ones never count), and the source's scoring.
 */
@Service
@EnableConfigurationProperties(AssessmentProperties.class)
public class Assessment {

	private final MatterLedger ledger;

	private final NegativeList negativeList;

	private final Organisation organisation;

	private final AssessmentProperties rules;

	private final ZoneId zone;

	Assessment(MatterLedger ledger, NegativeList negativeList, Organisation organisation, AssessmentProperties rules,
			java.time.Clock clock) {
		this.ledger = ledger;
		this.negativeList = negativeList;
		this.organisation = organisation;
		this.rules = rules;
		this.zone = clock.getZone();
	}

	public List<Row> of(int year) {
		OffsetDateTime from = Year.of(year).atDay(1).atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime to = Year.of(year + 1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
		List<Row> rows = new ArrayList<>();
		List<NegativeListEntry> confirmed = negativeList.entries(year, null, null)
			.stream()
			.filter(e -> "CONFIRMED".equals(e.status()))
			.toList();
		List<MatterRecord> allMatters = new ArrayList<>();
		for (Township township : organisation.townships()) {
			allMatters.addAll(ledger.ofTownship(township.code(), from, to));
		}
		for (Township township : organisation.townships()) {
			rows.add(row("TOWNSHIP", township.code(), township.name(), township.code(),
					filter(allMatters, m -> m.townshipCode().equals(township.code())),
					filter(confirmed, e -> e.townshipCode().equals(township.code()))));
		}
		for (Village village : organisation.villages()) {
			rows.add(row("VILLAGE", village.code(), village.name(), village.townshipCode(),
					filter(allMatters, m -> m.villageCode().equals(village.code())),
					filter(confirmed, e -> e.villageCode().equals(village.code()))));
		}
		Map<String, List<MatterRecord>> byAgent = new TreeMap<>();
		allMatters.forEach(m -> byAgent.computeIfAbsent(m.agentId(), k -> new ArrayList<>()).add(m));
		byAgent.forEach((agentId, matters) -> rows.add(row("AGENT", agentId,
				matters.get(0).agentName() == null ? agentId : matters.get(0).agentName(), matters.get(0).townshipCode(),
				matters, filter(confirmed, e -> agentId.equals(e.handlerId())))));
		return rows;
	}

	private Row row(String level, String unit, String name, String townshipCode, List<MatterRecord> matters,
			List<NegativeListEntry> entries) {
		int withdrawn = count(matters, m -> "WITHDRAWN".equals(m.status()));
		int completed = count(matters, m -> m.completedAt() != null);
		int onTime = count(matters, m -> Boolean.TRUE.equals(m.onTime()));
		int closed = count(matters, m -> "CLOSED".equals(m.status()));
		List<MatterRecord> rated = filter(matters, m -> m.signedOffAt() != null && m.rating() != null);
		int satisfied = count(rated, m -> Boolean.TRUE.equals(m.satisfied()));
		Map<String, Integer> byReason = new TreeMap<>();
		entries.forEach(e -> byReason.merge(e.reason(), 1, Integer::sum));
		List<NegativeListEntry> complaints = filter(entries, e -> "COMPLAINT".equals(e.reason()));
		int ruleBreaking = entries.size() - complaints.size();
		double base = rated.isEmpty() ? rules.baseWithoutRatings()
				: rated.stream().mapToInt(MatterRecord::rating).average().orElse(0) * 2;
		double score = base;
		boolean green = rules.greenList().contains(unit);
		int yellow = Collections.frequency(rules.yellowList(), unit);
		boolean red = rules.redList().contains(unit);
		if (green) {
			score += rules.greenListBonus();
		}
		score -= yellow * rules.yellowListPenalty();
		score -= ruleBreaking * rules.ruleBreakingPenalty();
		for (NegativeListEntry complaint : complaints) {
			score -= "SERIOUS".equals(complaint.severity()) ? rules.seriousComplaintPenalty() : rules.complaintPenalty();
		}
		score = Math.max(0, score);
		boolean eligible = !red && yellow < rules.yellowListsDisqualifying();
		return new Row(level, unit, name, townshipCode, matters.size(), withdrawn, completed, onTime, closed,
				rated.size(), satisfied, rate(onTime, completed), rate(closed, matters.size() - withdrawn),
				rate(satisfied, rated.size()), byReason, ruleBreaking, complaints.size(), round(base), round(score),
				grade(score), green, yellow, red, eligible);
	}

	String grade(double score) {
		if (score >= rules.goodFrom()) {
			return "好";
		}
		if (score >= rules.fairlyGoodFrom()) {
			return "较好";
		}
		if (score >= rules.averageFrom()) {
			return "一般";
		}
		return "差";
	}

	private static Double rate(int part, int whole) {
		return whole <= 0 ? null : round(100.0 * part / whole);
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	private static <T> List<T> filter(List<T> list, Predicate<T> predicate) {
		return list.stream().filter(predicate).toList();
	}

	private static <T> int count(List<T> list, Predicate<T> predicate) {
		return (int) list.stream().filter(predicate).count();
	}

	/**
	 * One assessed unit. Rates are percentages (null without a denominator); {@code negativeByReason} counts
	 * CONFIRMED entries only.
	 */
	public record Row(String level, String unit, String name, String townshipCode, int accepted, int withdrawn,
			int completed, int onTime, int closed, int rated, int satisfied, Double onTimeRate, Double resolutionRate,
			Double satisfactionRate, Map<String, Integer> negativeByReason, int ruleBreaking, int verifiedComplaints,
			double baseScore, double score, String grade, boolean greenList, int yellowLists, boolean redList,
			boolean modelUnitEligible) {
	}

	public static Function<Row, String> levelLabel() {
		return row -> switch (row.level()) {
			case "TOWNSHIP" -> "乡镇";
			case "VILLAGE" -> "村代办点";
			default -> "代办员";
		};
	}

}
