package com.daiban.dashboard.internal;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.dashboard.internal.DashboardQueries.Group;
import com.daiban.dashboard.internal.DashboardQueries.MatterRow;
import com.daiban.identity.Caller;
import com.daiban.identity.CallerScope;
import com.daiban.negativelist.NegativeListReason;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Township;
import com.daiban.organisation.Village;
import com.daiban.web.ForbiddenException;
import com.daiban.web.InvalidInputException;
import com.daiban.input.PhoneNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The supervision workspace's figures for the townships the caller oversees (its supervision office and center; the
 * city center and administrators: every township, or one picked with {@code township}). Every figure carries the
 * address of the matters behind it, {@code /api/dashboard/matters?figure=...}.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

	/** Months the rates are shown for, the current one included. */
	static final int MONTHS = 12;

	static final int MATTER_LIMIT = 500;

	private static final Set<String> FIGURES = Set.of("overdue", "dueToday", "paused", "accepted", "late", "unresolved",
			"unsatisfied", "negative", "event");

	private final DashboardQueries queries;

	private final Organisation organisation;

	private final ServiceCatalogue catalogue;

	private final CallerScope callers;

	DashboardController(DashboardQueries queries, Organisation organisation, ServiceCatalogue catalogue,
			CallerScope callers) {
		this.queries = queries;
		this.organisation = organisation;
		this.catalogue = catalogue;
		this.callers = callers;
	}

	@GetMapping
	Dashboard dashboard(@RequestParam(required = false) String township, @RequestParam(required = false) Integer year) {
		Scope scope = scope(township);
		int theYear = year(year);
		YearMonth current = YearMonth.from(queries.now().atZoneSameInstant(queries.zone()));
		List<YearMonth> months = new ArrayList<>();
		for (int i = MONTHS - 1; i >= 0; i--) {
			months.add(current.minusMonths(i));
		}
		String window = months.get(0) + ".." + current;
		Map<String, Integer> overdue = queries.overdueByVillage(scope.townships());
		Map<String, Integer> dueToday = queries.dueTodayByVillage(scope.townships());
		Map<String, Integer> paused = queries.pausedByVillage(scope.townships());
		Map<String, Map<YearMonth, MonthCounts>> counts = queries.monthCounts(scope.townships(), months);

		List<VillageFigures> villages = new ArrayList<>();
		List<VillageMonth> villageMonths = new ArrayList<>();
		Map<YearMonth, MonthCounts> byMonth = new TreeMap<>();
		months.forEach(m -> byMonth.put(m, MonthCounts.NONE));
		for (Village village : scope.villages()) {
			Map<YearMonth, MonthCounts> ofVillage = counts.getOrDefault(village.code(), Map.of());
			MonthCounts total = MonthCounts.NONE;
			for (YearMonth month : months) {
				MonthCounts c = ofVillage.getOrDefault(month, MonthCounts.NONE);
				total = total.plus(c);
				byMonth.merge(month, c, MonthCounts::plus);
				villageMonths.add(new VillageMonth(village.code(), month.toString(), rates(c,
						link(scope, "accepted", Map.of("village", village.code(), "month", month.toString())))));
			}
			villages.add(new VillageFigures(village.code(), village.name(), village.townshipCode(),
					figure(overdue.getOrDefault(village.code(), 0), link(scope, "overdue", Map.of("village", village.code()))),
					figure(dueToday.getOrDefault(village.code(), 0), link(scope, "dueToday", Map.of("village", village.code()))),
					figure(paused.getOrDefault(village.code(), 0), link(scope, "paused", Map.of("village", village.code()))),
					rates(total, link(scope, "accepted", Map.of("village", village.code())))));
		}
		List<MonthFigures> monthly = byMonth.entrySet().stream()
			.map(e -> new MonthFigures(e.getKey().toString(),
					rates(e.getValue(), link(scope, "accepted", Map.of("month", e.getKey().toString())))))
			.toList();
		MonthCounts all = byMonth.values().stream().reduce(MonthCounts.NONE, MonthCounts::plus);

		List<Group> negative = queries.negativeList(scope.townships(), theYear);
		Map<String, Integer> byReason = new TreeMap<>();
		Map<String, Integer> byUnit = new TreeMap<>();
		negative.forEach(g -> {
			byReason.merge(g.key(), g.count(), Integer::sum);
			byUnit.merge(g.unit(), g.count(), Integer::sum);
		});
		String yearText = Integer.toString(theYear);
		List<Counted> reasons = byReason.entrySet().stream()
			.map(e -> new Counted(e.getKey(), NegativeListReason.labelOf(e.getKey()), e.getValue(),
					link(scope, "negative", Map.of("reason", e.getKey(), "year", yearText))))
			.sorted(Comparator.comparingInt(Counted::count).reversed())
			.toList();
		List<Counted> units = byUnit.entrySet().stream()
			.map(e -> new Counted(e.getKey(), unitLabel(e.getKey()), e.getValue(),
					link(scope, "negative", Map.of("unit", e.getKey(), "year", yearText))))
			.sorted(Comparator.comparingInt(Counted::count).reversed())
			.toList();

		OffsetDateTime from = Year.of(theYear).atDay(1).atStartOfDay(queries.zone()).toOffsetDateTime();
		Map<String, Map<String, Integer>> eventsByUnit = new TreeMap<>();
		queries.events(scope.townships(), from, from.plusYears(1))
			.forEach(g -> eventsByUnit.computeIfAbsent(g.unit(), u -> new HashMap<>()).merge(g.key(), g.count(), Integer::sum));
		List<UnitEvents> unitEvents = eventsByUnit.entrySet().stream().map(e -> {
			Map<String, Figure> kinds = new LinkedHashMap<>();
			for (String kind : DashboardQueries.EVENT_KINDS) {
				kinds.put(kind, figure(e.getValue().getOrDefault(kind, 0),
						link(scope, "event", Map.of("kind", kind, "unit", e.getKey(), "year", yearText))));
			}
			return new UnitEvents(e.getKey(), unitLabel(e.getKey()), kinds,
					e.getValue().values().stream().mapToInt(Integer::intValue).sum());
		}).sorted(Comparator.comparingInt(UnitEvents::total).reversed()).toList();

		String reportTownship = scope.selected() != null ? scope.selected() : scope.townships().get(0);
		String firstVillage = scope.villages().isEmpty() ? "" : scope.villages().get(0).code();
		String lastMonth = current.minusMonths(1).toString();
		Map<String, String> reports = new LinkedHashMap<>();
		reports.put("ledger", "/api/reports/ledger.html?village=" + firstVillage + "&month=" + current);
		reports.put("negativeList", "/api/reports/negative-list.html?year=" + theYear
				+ (scope.selected() == null ? "" : "&township=" + scope.selected()));
		reports.put("inspection", "/api/reports/inspection.html?township=" + reportTownship + "&month=" + lastMonth);
		reports.put("assessment", "/api/reports/assessment.html?year=" + theYear);

		return new Dashboard(scope.selected(), scope.allowed().stream().map(t -> new Unit(t.code(), t.name())).toList(),
				queries.now(), theYear, window,
				figure(sum(overdue), link(scope, "overdue", Map.of())),
				figure(sum(dueToday), link(scope, "dueToday", Map.of())),
				figure(sum(paused), link(scope, "paused", Map.of())),
				rates(all, link(scope, "accepted", Map.of())), villages, monthly, villageMonths, reasons, units, unitEvents,
				reports);
	}

	@GetMapping("/matters")
	MatterList matters(@RequestParam String figure, @RequestParam(required = false) String township,
			@RequestParam(required = false) String village, @RequestParam(required = false) String month,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String kind) {
		if (!FIGURES.contains(figure)) {
			throw new InvalidInputException("figure", "figure 应为 " + new TreeSet<>(FIGURES) + " 之一");
		}
		Scope scope = scope(township);
		StringBuilder where = new StringBuilder("m.township_code IN (:townships)");
		Map<String, Object> params = new HashMap<>();
		params.put("townships", scope.townships());
		if (village != null) {
			if (scope.villages().stream().noneMatch(v -> v.code().equals(village))) {
				throw new InvalidInputException("village", "不在查看范围内的村代码");
			}
			where.append(" AND m.village_code = :village");
			params.put("village", village);
		}
		StringBuilder title = new StringBuilder(village == null ? scopeName(scope)
				: organisation.findVillage(village).map(Village::name).orElse(village));
		switch (figure) {
			case "overdue" -> {
				where.append(" AND m.closed_at IS NULL AND m.completed_at IS NULL AND m.due_at < :now");
				params.put("now", queries.now());
				title.append(" 已超时事项");
			}
			case "dueToday" -> {
				where.append(" AND m.closed_at IS NULL AND m.completed_at IS NULL AND m.due_at >= :now AND m.due_at < :tomorrow");
				params.put("now", queries.now());
				params.put("tomorrow", queries.startOfToday().plusDays(1));
				title.append(" 今日到期事项");
			}
			case "paused" -> {
				where.append("""
						 AND m.closed_at IS NULL AND m.matter_no IN (SELECT e.matter_no FROM matter_event e
						  WHERE e.kind = 'PAUSED' AND NOT EXISTS (SELECT 1 FROM matter_event r WHERE r.matter_no = e.matter_no
						  AND r.kind IN (:pauseKinds) AND (r.occurred_at > e.occurred_at
						  OR (r.occurred_at = e.occurred_at AND r.id > e.id))))""");
				params.put("pauseKinds", DashboardQueries.PAUSE_KINDS);
				title.append(" 暂停计时事项");
			}
			case "accepted", "late", "unresolved", "unsatisfied" -> {
				YearMonth first;
				YearMonth last;
				if (month != null) {
					first = month(month);
					last = first;
					title.append(" ").append(first);
				}
				else {
					last = YearMonth.from(queries.now().atZoneSameInstant(queries.zone()));
					first = last.minusMonths(MONTHS - 1);
					title.append(" ").append(first).append(" 至 ").append(last);
				}
				where.append(" AND m.accepted_at >= :from AND m.accepted_at < :to");
				params.put("from", queries.start(first));
				params.put("to", queries.start(last.plusMonths(1)));
				switch (figure) {
					case "late" -> {
						where.append(" AND ").append(DashboardQueries.LATE);
						params.put("now", queries.now());
						title.append(" 超时事项");
					}
					case "unresolved" -> {
						where.append(" AND m.status <> 'WITHDRAWN' AND NOT ").append(DashboardQueries.RESOLVED);
						title.append(" 未解决事项");
					}
					case "unsatisfied" -> {
						where.append(" AND m.status <> 'WITHDRAWN' AND ").append(DashboardQueries.RATINGS)
							.append(" > ").append(DashboardQueries.SATISFIED_RATINGS);
						title.append(" 有不满意评价的事项");
					}
					default -> title.append(" 受理事项");
				}
			}
			case "negative" -> {
				int theYear = year(year);
				StringBuilder sub = new StringBuilder("SELECT n.matter_no FROM negative_list_entry n WHERE n.record_year = :year"
						+ " AND n.township_code IN (:townships) AND n.status <> 'STRUCK'");
				params.put("year", theYear);
				title.append(" ").append(theYear).append(" 年负面清单");
				if (reason != null) {
					sub.append(" AND n.reason = :reason");
					params.put("reason", bounded("reason", reason, 32));
					title.append("（").append(NegativeListReason.labelOf(reason)).append("）");
				}
				if (unit != null) {
					sub.append(" AND n.responsible_unit = :unit");
					params.put("unit", bounded("unit", unit, 64));
					title.append("（").append(unitLabel(unit)).append("）");
				}
				where.append(" AND m.matter_no IN (").append(sub).append(")");
			}
			case "event" -> {
				if (kind == null || !DashboardQueries.EVENT_KINDS.contains(kind)) {
					throw new InvalidInputException("kind", "kind 应为 " + DashboardQueries.EVENT_KINDS + " 之一");
				}
				int theYear = year(year);
				OffsetDateTime from = Year.of(theYear).atDay(1).atStartOfDay(queries.zone()).toOffsetDateTime();
				where.append(" AND m.matter_no IN (SELECT e.matter_no FROM matter_event e WHERE e.kind = :kind"
						+ " AND e.occurred_at >= :from AND e.occurred_at < :to)");
				params.put("kind", kind);
				params.put("from", from);
				params.put("to", from.plusYears(1));
				if (unit != null) {
					where.append(" AND COALESCE(m.handling_group, m.township_code) = :unit");
					params.put("unit", bounded("unit", unit, 64));
					title.append(" ").append(unitLabel(unit));
				}
				title.append(" ").append(theYear).append(" 年").append(eventLabel(kind)).append("事项");
			}
			default -> throw new IllegalStateException(figure);
		}
		String condition = where.toString();
		int total = queries.count(condition, params);
		Map<String, String> itemNames = new HashMap<>();
		OffsetDateTime now = queries.now();
		List<MatterLine> lines = queries.matters(condition, params, MATTER_LIMIT).stream()
			.map(m -> line(m, itemNames, now))
			.toList();
		return new MatterList(figure, title.toString(), total, lines.size() < total, lines);
	}

	private MatterLine line(MatterRow m, Map<String, String> itemNames, OffsetDateTime now) {
		String item = itemNames.computeIfAbsent(m.serviceItemCode(),
				code -> catalogue.find(code).map(ServiceItem::name).orElse(code));
		boolean overdue = m.closedAt() == null && m.completedAt() == null && m.dueAt() != null && now.isAfter(m.dueAt());
		return new MatterLine(m.matterNo(), m.villageCode(),
				organisation.findVillage(m.villageCode()).map(Village::name).orElse(m.villageCode()), item,
				m.residentName(), PhoneNumber.masked(m.residentPhone()), m.acceptedAt(), m.dueAt(), m.completedAt(),
				m.closedAt(), m.status(), Labels.status(m.status(), overdue), overdue, unitLabel(m.handlingGroup()),
				m.closedAt() == null ? m.processInstanceId() : null);
	}

	// ---- scope

	/** The townships the caller oversees, and the one picked (null: all of them). */
	Scope scope(String township) {
		Caller caller = callers.current();
		List<Township> allowed = organisation.townships().stream()
			.filter(t -> caller.isAdmin() || caller.isCityCenter() || caller.townships().contains(t.code())
					|| caller.supervisedTownships().contains(t.code()))
			.toList();
		if (allowed.isEmpty()) {
			throw new ForbiddenException("督查工作台仅供镇督查办、镇便民服务中心和市政务服务中心使用");
		}
		List<String> codes;
		String selected = null;
		if (township != null && !township.isBlank()) {
			if (organisation.findTownship(township).isEmpty()) {
				throw new InvalidInputException("township", "未知的乡镇代码");
			}
			if (allowed.stream().noneMatch(t -> t.code().equals(township))) {
				throw new ForbiddenException("无权查看该镇的督查工作台");
			}
			codes = List.of(township);
			selected = township;
		}
		else {
			codes = allowed.stream().map(Township::code).toList();
			selected = codes.size() == 1 ? codes.get(0) : null;
		}
		List<Village> villages = codes.stream().flatMap(t -> organisation.villagesOf(t).stream()).toList();
		return new Scope(caller, allowed, codes, selected, villages);
	}

	record Scope(Caller caller, List<Township> allowed, List<String> townships, String selected, List<Village> villages) {
	}

	private String scopeName(Scope scope) {
		return scope.selected() == null ? "全部乡镇"
				: organisation.findTownship(scope.selected()).map(Township::name).orElse(scope.selected());
	}

	private String link(Scope scope, String figure, Map<String, String> params) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/dashboard/matters").queryParam("figure", figure);
		if (scope.selected() != null) {
			uri.queryParam("township", scope.selected());
		}
		new TreeMap<>(params).forEach(uri::queryParam);
		return uri.build().encode().toUriString();
	}

	private String unitLabel(String unit) {
		return Labels.unit(unit, organisation);
	}

	private static String eventLabel(String kind) {
		return Labels.event(kind);
	}

	private int year(Integer year) {
		if (year == null) {
			return queries.now().atZoneSameInstant(queries.zone()).getYear();
		}
		if (year < 2000 || year > 2100) {
			throw new InvalidInputException("year", "year 应为四位年份");
		}
		return year;
	}

	private static YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("month", "月份格式应为 YYYY-MM");
		}
	}

	private static String bounded(String field, String value, int max) {
		if (value.length() > max) {
			throw new InvalidInputException(field, field + " 不超过" + max + "个字符");
		}
		return value;
	}

	private static int sum(Map<String, Integer> counts) {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static Figure figure(int count, String matters) {
		return new Figure(count, matters);
	}

	private String rateLink(String accepted, String figure) {
		return accepted.replace("figure=accepted", "figure=" + figure);
	}

	private Rates rates(MonthCounts c, String acceptedLink) {
		com.daiban.matter.Rates rates = c.rates();
		return new Rates(c.accepted(), c.withdrawn(), c.onTime(), c.late(), c.resolved(), c.rated(), c.satisfied(),
				rates.onTimeRate(), rates.resolutionRate(), rates.satisfactionRate(), acceptedLink, rateLink(acceptedLink, "late"),
				rateLink(acceptedLink, "unresolved"), rateLink(acceptedLink, "unsatisfied"));
	}

	// ---- the answer

	/** A number and the address of the matters behind it. */
	record Figure(int count, String matters) {
	}

	/**
	 * The three rates (percent, null without a denominator) with their counts; {@code matters} lists the accepted
	 * matters, {@code late}, {@code unresolved}, {@code unsatisfied} those that lower each rate.
	 */
	record Rates(int accepted, int withdrawn, int onTime, int notOnTime, int resolved, int rated, int satisfied,
			Double onTimeRate, Double resolutionRate, Double satisfactionRate, String matters, String late,
			String unresolved, String unsatisfied) {
	}

	record Unit(String code, String name) {
	}

	record VillageFigures(String code, String name, String townshipCode, Figure overdue, Figure dueToday, Figure paused,
			Rates rates) {
	}

	record MonthFigures(String month, Rates rates) {
	}

	record VillageMonth(String village, String month, Rates rates) {
	}

	record Counted(String code, String label, int count, String matters) {
	}

	record UnitEvents(String unit, String label, Map<String, Figure> kinds, int total) {
	}

	record Dashboard(String township, List<Unit> townships, OffsetDateTime asOf, int year, String months,
			Figure overdue, Figure dueToday, Figure paused, Rates rates, List<VillageFigures> villages,
			List<MonthFigures> monthly, List<VillageMonth> villageMonthly, List<Counted> negativeByReason,
			List<Counted> negativeByUnit, List<UnitEvents> unitEvents, Map<String, String> reports) {
	}

	record MatterLine(String matterNo, String villageCode, String villageName, String serviceItem, String residentName,
			String residentPhone, OffsetDateTime acceptedAt, OffsetDateTime dueAt, OffsetDateTime completedAt,
			OffsetDateTime closedAt, String status, String statusLabel, boolean overdue, String handlingUnit,
			String processInstanceId) {
	}

	record MatterList(String figure, String title, int total, boolean truncated, List<MatterLine> matters) {
	}

}
