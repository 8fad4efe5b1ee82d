package com.daiban.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRating;
import com.daiban.matter.MatterRecord;
import com.daiban.matter.Rates;
import com.daiban.negativelist.NegativeList;
import com.daiban.negativelist.NegativeListEntry;
import com.daiban.negativelist.NegativeListReason;
import com.daiban.negativelist.NegativeListStatus;
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

	/** The grade of a unit that had no matter to be rated on. */
	public static final String NOT_RATED = "无记录";

	private final MatterLedger ledger;

	private final NegativeList negativeList;

	private final Organisation organisation;

	private final AssessmentProperties rules;

	private final ZoneId zone;

	private final Clock clock;

	Assessment(MatterLedger ledger, NegativeList negativeList, Organisation organisation, AssessmentProperties rules,
			Clock clock) {
		this.ledger = ledger;
		this.negativeList = negativeList;
		this.organisation = organisation;
		this.rules = rules;
		this.zone = clock.getZone();
		this.clock = clock;
	}

	public List<Row> of(int year) {
		OffsetDateTime from = Year.of(year).atDay(1).atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime to = Year.of(year + 1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
		List<Row> rows = new ArrayList<>();
		List<NegativeListEntry> confirmed = negativeList.entries(year, null, null)
			.stream()
			.filter(e -> e.status() == NegativeListStatus.CONFIRMED)
			.toList();
		List<MatterRecord> allMatters = new ArrayList<>();
		List<MatterRating> ratings = new ArrayList<>();
		for (Township township : organisation.townships()) {
			allMatters.addAll(ledger.ofTownship(township.code(), from, to));
			ratings.addAll(ledger.ratingsOfTownship(township.code(), from, to));
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (Township township : organisation.townships()) {
			rows.add(row("TOWNSHIP", township.code(), township.name(), township.code(),
					Rates.of(filter(allMatters, m -> m.townshipCode().equals(township.code())), ratings, now),
					filter(confirmed, e -> e.townshipCode().equals(township.code()))));
		}
		for (Village village : organisation.villages()) {
			rows.add(row("VILLAGE", village.code(), village.name(), village.townshipCode(),
					Rates.of(filter(allMatters, m -> m.villageCode().equals(village.code())), ratings, now),
					filter(confirmed, e -> e.villageCode().equals(village.code()))));
		}
		Map<String, List<MatterRecord>> byAgent = new TreeMap<>();
		allMatters.forEach(m -> byAgent.computeIfAbsent(m.agentId(), k -> new ArrayList<>()).add(m));
		byAgent.forEach((agentId, matters) -> rows.add(row("AGENT", agentId,
				matters.get(0).agentName() == null ? agentId : matters.get(0).agentName(), matters.get(0).townshipCode(),
				Rates.of(matters, ratings, now), filter(confirmed, e -> agentId.equals(e.handlerId())))));
		return rows;
	}

	private Row row(String level, String unit, String name, String townshipCode, Rates rates,
			List<NegativeListEntry> entries) {
		Map<NegativeListReason, Integer> byReason = new TreeMap<>();
		entries.forEach(e -> byReason.merge(e.reason(), 1, Integer::sum));
		List<NegativeListEntry> complaints = filter(entries, e -> e.reason() == NegativeListReason.COMPLAINT);
		int ruleBreaking = entries.size() - complaints.size();
		double base = rates.ratings() == 0 ? rules.baseWithoutRatings() : 2.0 * rates.ratingSum() / rates.ratings();
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
		// a unit without a matter this year has nothing to be rated on: no grade, never a model unit
		boolean served = rates.accepted() > rates.withdrawn();
		boolean eligible = served && !red && yellow < rules.yellowListsDisqualifying();
		return new Row(level, unit, name, townshipCode, rates, byReason, ruleBreaking, complaints.size(), round(base),
				round(score), served ? grade(score) : NOT_RATED, green, yellow, red, eligible);
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

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	private static <T> List<T> filter(List<T> list, Predicate<T> predicate) {
		return list.stream().filter(predicate).toList();
	}

	/**
	 * One assessed unit: its three rates ({@link Rates}), its CONFIRMED negative-list entries by reason, its score and
	 * grade ({@value #NOT_RATED} for a unit without a matter).
	 */
	public record Row(String level, String unit, String name, String townshipCode, Rates rates,
			Map<NegativeListReason, Integer> negativeByReason, int ruleBreaking, int verifiedComplaints,
			double baseScore, double score, String grade, boolean greenList, int yellowLists, boolean redList,
			boolean modelUnitEligible) {
	}

}
