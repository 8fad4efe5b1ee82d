package com.daiban.resident.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.daiban.catalogue.ServiceCatalogue;
import com.daiban.catalogue.ServiceItem;
import com.daiban.identity.Groups;
import com.daiban.identity.PublicContact;
import com.daiban.identity.PublicDirectory;
import com.daiban.organisation.Organisation;
import com.daiban.organisation.Township;
import com.daiban.organisation.Village;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The public notice board (公示栏): per village the agents on duty with name and phone (A and B post), the township
 * windows, the supervision hotline and the service guide. The time limit of each item is what the routing decision
 * gives for it today, so the guide never disagrees with the promise an agent makes. Kept for five minutes: it is read
 * by every resident who opens the page and changes rarely.
 */
@Component
class NoticeBoard {

	/** The routing decision of proxy-matter (processes/matter-routing.dmn). */
	private static final String ROUTING = "matter-routing";

	private static final Duration KEEP = Duration.ofMinutes(5);

	private final Organisation organisation;

	private final PublicDirectory directory;

	private final ServiceCatalogue catalogue;

	private final RepositoryService repository;

	/** Evaluates the deployed routing table for the guide without writing decision history for every reader. */
	private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private final ResidentProperties properties;

	private final Clock clock;

	private final ShortMemory kept;

	NoticeBoard(Organisation organisation, PublicDirectory directory, ServiceCatalogue catalogue,
			RepositoryService repository, ResidentProperties properties, Clock clock) {
		this.organisation = organisation;
		this.directory = directory;
		this.catalogue = catalogue;
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
		this.kept = new ShortMemory(clock, KEEP);
	}

	record Place(String code, String name) {
	}

	record Person(String name, String phone, String post) {
	}

	record TownshipCard(String code, String name, String centerPhone, String supervisionHotline, String officeHours,
			List<Person> windows) {
	}

	record GuideItem(String code, String name, String category, String department, String level, String levelLabel,
			String mode, String modeLabel, String materials, Integer timeLimitWorkingDays) {
	}

	record Board(List<Place> villages, Place village, List<Person> agents, TownshipCard township, List<GuideItem> guide) {
	}

	Board board(String villageCode) {
		List<Place> villages = organisation.villages().stream().map(v -> new Place(v.code(), v.name())).toList();
		if (villageCode == null || villageCode.isBlank()) {
			return new Board(villages, null, List.of(), null, guide("T01", "V01"));
		}
		Village village = organisation.findVillage(villageCode)
			.orElseThrow(() -> PublicRefusal.invalid("village", "没有这个村，请从列表中选择"));
		Township township = organisation.findTownship(village.townshipCode()).orElseThrow();
		List<Person> agents = people(Groups.village(village.code()));
		List<Person> windows = people(Groups.township(township.code()));
		String hotline = properties.supervisionHotlines().getOrDefault(township.code(), township.hotline());
		return new Board(villages, new Place(village.code(), village.name()), agents,
				new TownshipCard(township.code(), township.name() + "便民服务中心", township.hotline(), hotline,
						properties.officeHours(), windows),
				guide(township.code(), village.code()));
	}

	private List<Person> people(String groupId) {
		return keep("people:" + groupId, () -> directory.members(groupId)
			.stream()
			.map((PublicContact c) -> new Person(c.name(), c.phone(), c.post()))
			.toList());
	}

	private List<GuideItem> guide(String townshipCode, String villageCode) {
		return keep("guide:" + townshipCode, () -> {
			DmnDecision routing = routing();
			return catalogue.items()
				.stream()
				.map(item -> new GuideItem(item.code(), item.name(), item.categoryName(), item.department(), item.level(),
						levelLabel(item.level()), item.mode(), modeLabel(item.mode()), item.materials(),
						workingDays(routing, item, townshipCode, villageCode)))
				.toList();
		});
	}

	/** The latest deployed routing table, as analysts last changed it. */
	private DmnDecision routing() {
		try {
			DecisionDefinition latest = repository.createDecisionDefinitionQuery()
				.decisionDefinitionKey(ROUTING)
				.latestVersion()
				.singleResult();
			if (latest == null) {
				return null;
			}
			try (var model = repository.getDecisionModel(latest.getId())) {
				return dmn.parseDecision(ROUTING, model);
			}
		}
		catch (java.io.IOException | RuntimeException unreadable) {
			return null;
		}
	}

	/** The routing decision's time limit for an item accepted at the office, in (working) days. */
	private Integer workingDays(DmnDecision routing, ServiceItem item, String townshipCode, String villageCode) {
		if (routing == null) {
			return null;
		}
		VariableMap inputs = Variables.createVariables()
			.putValue("category", item.categoryCode())
			.putValue("itemLevel", item.level())
			.putValue("mode", item.mode())
			.putValue("channel", "OFFICE")
			.putValue("townshipCode", townshipCode)
			.putValue("villageCode", villageCode);
		try {
			Map<String, Object> result = dmn.evaluateDecisionTable(routing, inputs).getFirstResult();
			Object limit = result == null ? null : result.get("timeLimit");
			return limit == null ? null : (int) Duration.parse(limit.toString()).toDays();
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

	private <T> T keep(String key, Supplier<T> lookup) {
		return kept.get(key, lookup);
	}

	static String levelLabel(String level) {
		return switch (level) {
			case "VILLAGE" -> "村级";
			case "TOWNSHIP" -> "镇级";
			case "CITY" -> "市级";
			default -> level;
		};
	}

	static String modeLabel(String mode) {
		return switch (mode) {
			case "DIRECT" -> "直接办";
			case "PROXY" -> "代办";
			case "GUIDED" -> "指导办";
			default -> mode;
		};
	}

}
