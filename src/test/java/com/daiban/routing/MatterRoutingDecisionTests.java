package com.daiban.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.daiban.identity.Caller;
import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.Channel;
import com.daiban.matter.MatterDraft;
import com.daiban.matter.MatterIntake;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.TestClock;
import com.daiban.support.ModelCoverage;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** The routing decision as analysts see it: its rules, and that editing a row reroutes matters without Java. */
@DaibanSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatterRoutingDecisionTests {

	private static final Path MODEL = Path.of("processes/matter-routing.dmn");

	@Autowired
	DecisionService decisionService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	@Autowired
	MatterIntake intake;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	private final Instant startedAt = Instant.now();

	@Test
	void shouldRouteTownshipItemsToTheTownshipWithinOneDay() {
		var result = decide("CIVIL_AFFAIRS", "TOWNSHIP", "PROXY", "OFFICE");
		assertThat(result).containsEntry("level", "TOWNSHIP")
			.containsEntry("timeLimit", "P1D")
			.containsEntry("handlingGroup", "township-T01");
	}

	@Test
	void shouldRouteCityItemsToTheCityCenterWithinOneWeekOfWorkingDays() {
		var result = decide("SOCIAL_SECURITY", "CITY", "PROXY", "HOME");
		assertThat(result).containsEntry("level", "CITY")
			.containsEntry("timeLimit", "P5D")
			.containsEntry("handlingGroup", "city-center");
	}

	@Test
	void shouldKeepVillageItemsInTheVillage() {
		var result = decide("CIVIL_AFFAIRS", "VILLAGE", "DIRECT", "PHONE");
		assertThat(result).containsEntry("level", "VILLAGE").containsEntry("handlingGroup", "village-V01");
	}

	@Test
	void shouldSendItemsOfUnknownLevelToTheTownshipCenter() {
		var result = decide("HEALTH", "UNKNOWN", "PROXY", "OFFICE");
		assertThat(result).containsEntry("level", "TOWNSHIP").containsEntry("handlingGroup", "township-T01");
	}

	@Test
	void shouldRerouteMattersWhenAnAnalystChangesARowWithoutJava() throws Exception {
		String original = Files.readString(MODEL, StandardCharsets.UTF_8);
		// An analyst decides in the Modeler that township items now go to the city center with a two-day limit.
		String edited = original
			.replaceAll("(<outputEntry id=\"OutputEntry_Township_Level\">\\s*<text>)\"TOWNSHIP\"", "$1\"CITY\"")
			.replaceAll("(<outputEntry id=\"OutputEntry_Township_TimeLimit\">\\s*<text>)\"P1D\"", "$1\"P2D\"")
			.replaceAll("(<outputEntry id=\"OutputEntry_Township_HandlingGroup\">\\s*<text>)\"township-\" \\+ townshipCode",
					"$1\"city-center\"");
		assertThat(edited).contains("<text>\"P2D\"</text>").contains("<text>\"city-center\"</text>");
		assertThat(edited).isNotEqualTo(original);
		Deployment deployment = repositoryService.createDeployment()
			.name("analyst-edit")
			.addString("matter-routing.dmn", edited)
			.deploy();
		try {
			Caller agent = new Caller("agent-v02-a", List.of("village-V02"));
			identityService.setAuthentication(agent.userId(), agent.groupIds());
			AcceptedMatter matter;
			TestClock.set("2026-11-25T10:00:00+08:00");
			try {
				matter = intake.accept(new MatterDraft("V02", "MZ-003", Channel.OFFICE, "赵六", "13900002222", "临时救助",
						agent.userId()), agent);
			}
			finally {
				identityService.clearAuthentication();
				TestClock.reset();
			}
			assertThat(matter.level()).isEqualTo("CITY");
			// two working days from Wednesday 10:00
			assertThat(matter.dueAt().toInstant()).isEqualTo(java.time.OffsetDateTime.parse("2026-11-27T10:00:00+08:00").toInstant());
			assertThat(taskService.createTaskQuery()
				.processInstanceId(matter.processInstanceId())
				.taskCandidateGroup("city-center")
				.count()).isEqualTo(1);
		}
		finally {
			repositoryService.deleteDeployment(deployment.getId(), true);
		}
	}

	@AfterAll
	void coverEveryRule() {
		ModelCoverage.assertRuleCoverage(historyService, MODEL, "matter-routing", java.util.Date.from(startedAt), 0.9);
	}

	private Map<String, Object> decide(String category, String itemLevel, String mode, String channel) {
		DmnDecisionResultEntries entries = decisionService.evaluateDecisionByKey("matter-routing")
			.variables(Map.of("category", category, "itemLevel", itemLevel, "mode", mode, "channel", channel,
					"villageCode", "V01", "townshipCode", "T01"))
			.evaluate()
			.getSingleResult();
		return entries.getEntryMap();
	}

}
