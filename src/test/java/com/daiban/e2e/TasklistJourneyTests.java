package com.daiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.daiban.matter.MatterIntake;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.matter.MatterStatus;
import com.daiban.matter.TimelineEntry;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ResidentMatters;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main path of a matter, clicked through Tasklist in a real headless Chromium with a Chinese browser: an agent
 * accepts it with the start form, the township clerk handles it, the agent records the resident's sign-off. The engine
 * and the ledger must then show the matter closed. Chromium missing is a failure, never a skip.
 */
@DaibanSpringBootTest
@Tag("browser")
class TasklistJourneyTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "tasklist");

	// generous: the build machine is shared, and Tasklist loads filters, lists and forms one request after another
	private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	HistoryService historyService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	MatterLedger ledger;

	@Autowired
	Clock clock;

	@Autowired
	MatterIntake intake;

	@Autowired
	IdentityService identityService;

	private Chromium chromium;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openChromium(TestInfo test) throws IOException {
		chromium = Chromium.desktop(1400, 1200, PATIENCE, SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName()));
		browser = chromium.browser;
		wait = chromium.wait;
	}

	@AfterEach
	void closeChromium() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void agentAcceptsClerkHandlesAgentSignsOffInChineseTasklist() {
		chromium.recorded(this::walkThroughTheMainPath);
	}

	@Test
	void clerkPausesResumesAndTransfersAMatterFromItsTask() {
		chromium.recorded(this::walkThroughTheClockOperations);
	}
	private void walkThroughTheClockOperations() {
		String matterNo = new ResidentMatters(intake, identityService, taskService).accepted("李桂兰", "13800002345")
			.matterNo();
		logIn("clerk-t01");

		// 中止: waiting for the resident's papers
		openTask("本单位待办", "办理代办事项", matterNo);
		WebElement pause = operation("pause");
		chromium.screenshot("operations-tab");
		pause.findElement(By.name("reason")).sendKeys("等待委托人补交家庭收入证明");
		chromium.clickInView(pause.findElement(By.cssSelector("button[type='submit']")));
		assertThat(operationResult("已中止计时").getDomAttribute("class")).contains("daiban-ok");
		chromium.screenshot("paused");
		assertThat(ledger.find(matterNo).orElseThrow().status()).isEqualTo(MatterStatus.PAUSED);

		// 续办 with Tasklist's own task
		awaitTask(matterNo, "Task_ResumeMatter");
		reloadTasklist();
		openTask("本单位待办", "续办（中止中）", matterNo);
		// Tasklist keeps the tab last shown (时限操作) for the next task
		openTab("表单");
		claim();
		waitForForm("续办说明");
		type("续办说明", "材料已补齐");
		complete();
		awaitTask(matterNo, "Task_HandleMatter");

		// 转办 to the city center; bad input is refused in Chinese first, and changes nothing
		reloadTasklist();
		openTask("本单位待办", "办理代办事项", matterNo);
		WebElement transfer = operation("transfer");
		new org.openqa.selenium.support.ui.Select(transfer.findElement(By.name("toUnit"))).selectByVisibleText("市政务服务中心");
		transfer.findElement(By.name("reason")).sendKeys("<b>属市级事项</b>");
		chromium.clickInView(transfer.findElement(By.cssSelector("button[type='submit']")));
		assertThat(operationResult("不能包含尖括号").getDomAttribute("class")).contains("daiban-warning");
		assertThat(ledger.find(matterNo).orElseThrow().handlingGroup()).isEqualTo("township-T01");
		WebElement reason = transfer.findElement(By.name("reason"));
		reason.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		reason.sendKeys("属市级审批事项");
		chromium.clickInView(transfer.findElement(By.cssSelector("button[type='submit']")));
		operationResult("已转办");
		chromium.screenshot("transferred");

		assertThat(taskService.createTaskQuery()
			.processInstanceBusinessKey(matterNo)
			.taskDefinitionKey("Task_HandleMatter")
			.taskCandidateGroup("city-center")
			.count()).isEqualTo(1);
		assertThat(ledger.timeline(matterNo)).extracting(TimelineEntry::kind)
			.containsSubsequence("PAUSED", "RESUMED", "TRANSFERRED");
		assertThat(ledger.timeline(matterNo)).filteredOn(e -> "PAUSED".equals(e.kind()))
			.singleElement()
			.satisfies(e -> assertThat(e.actor()).isEqualTo("clerk-t01"));

		// 催办 by the village's agent, from the list of the village's matters
		logIn("agent-v01-a");
		chromium.clickInView(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.matters-in-progress"))));
		WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//*[@id='daiban-matters']//tr[contains(@class,'matter-row')][./td[normalize-space()='" + matterNo + "']]")));
		chromium.clickInView(row.findElement(By.cssSelector("button.urge")));
		chromium.until("the urge confirmed", driver -> row.findElements(By.cssSelector(".urged, .daiban-warning"))
			.stream()
			.findFirst()
			.orElse(null));
		assertThat(row.findElements(By.cssSelector(".urged"))).as("urged, not refused: " + row.getText()).hasSize(1);
		chromium.screenshot("urged");
		assertThat(ledger.timeline(matterNo)).extracting(TimelineEntry::kind).endsWith("URGED");
	}

	/** Tasklist afresh, without the finished task in its address. */
	private void reloadTasklist() {
		browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/");
		browser.navigate().refresh();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".start-process-action a")));
	}

	private void openTab(String label) {
		chromium.clickInView(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
				"//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]//a[normalize-space()='" + label + "']"))));
	}

	/** The task's 时限操作 tab, and in it the form of one operation. */
	private WebElement operation(String kind) {
		openTab("时限操作");
		return wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("form.daiban-operation[data-kind='" + kind + "']")));
	}

	private WebElement operationResult(String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".operation-result"), text));
		return browser.findElement(By.cssSelector(".operation-result"));
	}

	private void walkThroughTheMainPath() {
		// 1. the agent accepts the matter with the start form
		logIn("agent-v01-a");
		assertThat(browser.findElement(By.cssSelector(".start-process-action a")).getText()).contains("发起流程");
		assertFirstLoadTravelsCompressed();
		// free-form tasks are no part of an agent's work
		assertThat(browser.findElements(By.cssSelector(".create-task-action")))
			.allSatisfy(action -> assertThat(action.isDisplayed()).isFalse());
		browser.findElement(By.cssSelector(".start-process-action a")).click();
		WebElement process = wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()='村级代办事项']")));
		chromium.screenshot("start-process-dialog");
		// only what an agent may start: no internal processes
		assertThat(browser.findElements(By.xpath("//ul[contains(@class,'processes')]//a")))
			.extracting(WebElement::getText)
			.containsExactly("村级代办事项");
		process.click();
		waitForForm("委托人姓名");
		// the agent's own village only, as the organisation says at form load
		chromium.clickInView(field("代办点（村）").findElement(By.cssSelector(".fjs-input-group")));
		List<WebElement> villages = wait
			.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector(".fjs-dropdownlist-item")));
		assertThat(villages).extracting(WebElement::getText).containsExactly("V01 宏杨村");
		chromium.clickInView(villages.get(0));
		chooseInSelect("服务事项", "MZ-001");
		// the materials of the item picked, from the catalogue
		wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//form[contains(@class,'fjs-form')]//*[contains(normalize-space(),'身份证、户口簿、家庭收入证明')]")));
		chooseRadio("受理方式", "定点代办");
		type("委托人姓名", "张秀英");
		// a wrong phone is refused in Chinese, in words, without the rule's regular expression
		type("委托人联系电话", "12345");
		type("事项说明", "申请最低生活保障，身份证、户口簿复印件已收取。");
		WebElement phoneError = chromium.until("a Chinese message under the phone field",
				driver -> field("委托人联系电话").findElements(By.cssSelector(".fjs-form-field-error"))
					.stream()
					.filter(e -> e.getText().contains("格式不正确"))
					.findFirst()
					.orElse(null));
		chromium.screenshot("start-form-bad-phone");
		assertThat(phoneError.getText()).contains("委托人联系电话格式不正确").contains("手机号11位").doesNotContain("Field", "^", "\\d");
		// as people write it down: spaces and dashes are accepted
		type("委托人联系电话", "138 0000-1234");
		chromium.until("the phone error gone",
				driver -> field("委托人联系电话").findElements(By.cssSelector(".fjs-form-field-error"))
					.stream()
					.noneMatch(e -> !e.getText().isBlank()));
		chromium.screenshot("start-form-filled");
		List<String> earlierMatters = mattersStartedBy("agent-v01-a");
		clickButton("//div[contains(@class,'modal-footer')]//button[normalize-space()='启动']");
		String matterNo = awaitNewMatterStartedBy("agent-v01-a", earlierMatters);
		assertThat(ledger.find(matterNo).orElseThrow().residentPhone()).isEqualTo("13800001234");

		// the agent sees the number and the promised time, and prints the promise slip for the resident
		WebElement accepted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("daiban-accepted")));
		chromium.screenshot("matter-started");
		String due = DAY_AND_TIME.format(ledger.find(matterNo).orElseThrow().dueAt().atZoneSameInstant(clock.getZone()));
		assertThat(accepted.findElement(By.cssSelector(".matter-no")).getText()).isEqualTo(matterNo);
		assertThat(accepted.findElement(By.cssSelector(".due-at")).getText()).isEqualTo(due);
		String tasklist = browser.getWindowHandle();
		accepted.findElement(By.cssSelector("a.print-slip")).click();
		chromium.until("the promise slip in a window of its own", driver -> driver.getWindowHandles().size() > 1);
		browser.switchTo()
			.window(browser.getWindowHandles().stream().filter(h -> !h.equals(tasklist)).findFirst().orElseThrow());
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("matter-no")));
		chromium.screenshot("promise-slip");
		assertThat(browser.getTitle()).contains("限时办结承诺单");
		assertThat(browser.findElement(By.id("matter-no")).getText()).isEqualTo(matterNo);
		assertThat(browser.findElement(By.id("due-at")).getText()).isEqualTo(due);
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("委托人签字", "监督电话", "代办员",
				"宏杨村代办员（A岗）");
		browser.close();
		browser.switchTo().window(tasklist);

		// 2. the township clerk finds the matter by the resident's name, opens it, claims and handles it
		logIn("clerk-t01");
		wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(),'本单位待办')]")))
			.click();
		// the promise on the task's card, as date and time with the time left beside it (the card's details are
		// folded until the clerk opens them, so the text is read rather than looked at)
		WebElement promised = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
				"//*[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//*[normalize-space()='" + matterNo
						+ "']]//*[contains(@class,'daiban-due')]")));
		assertThat(promised.getDomProperty("textContent")).startsWith("承诺 " + due).containsPattern("（(剩|已超时) [0-9]");
		WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input.matter-search")));
		search.sendKeys("张秀英");
		search.submit();
		WebElement found = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//*[@id='daiban-matters']//tr[contains(@class,'matter-row')][./td[normalize-space()='" + matterNo + "']]")));
		chromium.screenshot("clerk-search");
		assertThat(found.findElement(By.cssSelector(".agent")).getText()).contains("宏杨村代办员（A岗）", "1380000");
		// the promise as date and time, with the time left beside it
		assertThat(found.getText()).contains(due);
		assertThat(found.findElement(By.cssSelector(".daiban-due")).getText()).containsPattern("(剩|已超时) [0-9]");
		chromium.clickInView(found.findElement(By.cssSelector("a.open-task")));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
				"//*[contains(@class,'task-details')]//*[normalize-space()='办理代办事项']")));
		claim();
		waitForForm("答复内容");
		// the handling form shows what the agent registered (read-only fields filled from process variables)
		chromium.until("resident name shown in the handling form", driver -> "张秀英".equals(field("委托人").findElement(By.cssSelector("input")).getDomProperty("value")));
		assertThat(field("代办员").findElement(By.cssSelector("input")).getDomProperty("value")).isEqualTo("宏杨村代办员（A岗）");
		assertThat(field("代办员电话").findElement(By.cssSelector("input")).getDomProperty("value")).startsWith("1380000");
		assertThat(field("委托人电话").findElement(By.cssSelector("input")).getDomProperty("value")).isEqualTo("13800001234");
		assertThat(field("代办点（村）").findElement(By.cssSelector("input")).getDomProperty("value")).isEqualTo("宏杨村");
		assertThat(field("受理方式").findElement(By.cssSelector("input")).getDomProperty("value")).isEqualTo("定点受理");
		chooseRadio("办理结果", "已办结");
		type("答复内容", "低保申请已受理审核通过，请通知委托人。");
		chromium.screenshot("handling-form-filled");
		complete();
		awaitTask(matterNo, "Task_ConfirmSignOff");
		chromium.screenshot("handling-completed");

		// 3. the agent answers the resident and records the sign-off
		logIn("agent-v01-a");
		openTask("本村待办", "答复委托人并签字确认", matterNo);
		claim();
		waitForForm("委托人评价");
		chooseRadio("委托人是否认可办理结果", "认可");
		chooseRadio("委托人评价", "5星");
		chromium.screenshot("sign-off-form-filled");
		complete();
		awaitNoTaskLeft(matterNo);
		chromium.screenshot("sign-off-completed");

		// The reply and promise notices are asynchronous jobs (the executor is off in tests): run them, then the
		// instance can end.
		runJobsOf(matterNo);
		HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(matterNo)
			.singleResult();
		assertThat(instance.getEndTime()).as("instance of " + matterNo + " ended").isNotNull();
		// parallel notice branches end on their own events: the main path must have reached 事项办结
		assertThat(historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId("EndEvent_MatterClosed")
			.finished()
			.count()).isEqualTo(1);
		MatterRecord record = ledger.find(matterNo).orElseThrow();
		assertThat(record.status()).isEqualTo(MatterStatus.CLOSED);
		assertThat(record.outcome()).isEqualTo("DONE");
		assertThat(record.rating()).isEqualTo(5);
		assertThat(record.residentName()).isEqualTo("张秀英");
	}

	/**
	 * What Tasklist's first load carries over the wire: each response's body as sent (compressed), counted also for the
	 * files the browser had cached (a cached file reports the size it was sent with).
	 */
	private void assertFirstLoadTravelsCompressed() {
		chromium.until("Tasklist's filters loaded", driver -> !driver.findElements(By.cssSelector(".task-filter")).isEmpty());
		Map<?, ?> sizes = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript("""
				const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
				return {
				  sent: entries.reduce((sum, e) => sum + (e.encodedBodySize || 0), 0),
				  decoded: entries.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0)
				};""");
		long sent = ((Number) sizes.get("sent")).longValue();
		long decoded = ((Number) sizes.get("decoded")).longValue();
		System.out.printf("first Tasklist load: %d bytes sent, %d bytes decoded; largest: %s%n", sent, decoded,
				((JavascriptExecutor) browser).executeScript("""
						return performance.getEntriesByType('resource').sort((a, b) => b.encodedBodySize - a.encodedBodySize)
						  .slice(0, 8).map(e => e.name.replace(/^https?:\\/\\/[^/]+/, '') + ' ' + e.encodedBodySize).join(', ');"""));
		assertThat(decoded).as("what the first load holds").isGreaterThan(3_000_000);
		assertThat(sent).as("bytes sent for the first Tasklist load").isLessThan(1_500_000);
	}

	private void logIn(String userId) {
		chromium.logIn(port, "tasklist", userId, "demo", By.cssSelector(".start-process-action a"));
	}

	/** Other tests share the database: pick the task of this matter, by the matter number the filter shows. */
	private void openTask(String filterName, String taskName, String matterNo) {
		// the link also holds the (hidden) task counter, so match its start
		WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[starts-with(normalize-space(),'"
						+ filterName + "')]")));
		filter.click();
		WebElement task = wait.until(ExpectedConditions.elementToBeClickable(By
			.xpath("//*[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//*[normalize-space()='" + matterNo
					+ "']]//a[normalize-space()='" + taskName + "']")));
		chromium.screenshot("filter-" + filterName);
		chromium.clickInView(task);
	}

	private void claim() {
		clickButton("//*[@cam-tasklist-task-meta]//button[contains(concat(' ', normalize-space(@class), ' '), ' claim ')]");
		// once claimed, Tasklist shows the assignee with an "unclaim" cross
		wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task-meta] button.unclaim")));
	}

	private void complete() {
		clickButton("//div[contains(@class,'form-actions')]//button[normalize-space()='完成']");
	}

	private void waitForForm(String someLabel) {
		wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//form[contains(@class,'fjs-form')]//label[contains(normalize-space(),'"
					+ someLabel + "')]")));
	}

	/** The form-js field whose label is exactly this text (required fields add a star). */
	private WebElement field(String label) {
		return wait.until(ExpectedConditions
			.presenceOfElementLocated(By.xpath("//div[contains(@class,'fjs-form-field')][./label[normalize-space()='"
					+ label + "' or normalize-space()='" + label + "*']]")));
	}

	private void type(String label, String text) {
		WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
		chromium.scrollTo(input);
		// as a person does it: form-js keeps its own copy of the value and does not see WebElement.clear()
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		input.sendKeys(text);
	}

	private void chooseRadio(String label, String optionStartingWith) {
		chromium.clickInView(field(label)
			.findElement(By.xpath(".//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(),'"
					+ optionStartingWith + "')] | .//label[starts-with(normalize-space(),'" + optionStartingWith + "')]")));
	}

	private void chooseInSelect(String label, String optionContaining) {
		WebElement field = field(label);
		List<WebElement> search = field.findElements(By.cssSelector("input.fjs-input"));
		if (!search.isEmpty()) {
			chromium.clickInView(search.get(0));
			search.get(0).sendKeys(optionContaining);
		}
		else {
			chromium.clickInView(field.findElement(By.cssSelector(".fjs-input-group")));
		}
		WebElement option = wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(),'"
						+ optionContaining + "')]")));
		// form-js picks on mousedown; a real click gives it the whole sequence.
		chromium.clickInView(option);
	}

	private void clickButton(String xpath) {
		chromium.clickInView(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))));
	}
	private List<String> mattersStartedBy(String agentId) {
		return historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey("proxy-matter")
			.startedBy(agentId)
			.list()
			.stream()
			.map(HistoricProcessInstance::getBusinessKey)
			.toList();
	}

	private String awaitNewMatterStartedBy(String agentId, List<String> earlier) {
		return chromium.until("a new proxy-matter instance started by " + agentId,
				driver -> mattersStartedBy(agentId).stream()
					.filter(matterNo -> !earlier.contains(matterNo))
					.findFirst()
					.orElse(null));
	}

	private void awaitTask(String matterNo, String taskDefinitionKey) {
		chromium.until(taskDefinitionKey + " of " + matterNo, driver -> {
			Task task = taskService.createTaskQuery()
				.processInstanceBusinessKey(matterNo)
				.taskDefinitionKey(taskDefinitionKey)
				.singleResult();
			return task;
		});
	}

	private void awaitNoTaskLeft(String matterNo) {
		chromium.until("no open task left for " + matterNo,
				driver -> taskService.createTaskQuery().processInstanceBusinessKey(matterNo).count() == 0);
	}

	private void runJobsOf(String matterNo) {
		String instanceId = historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(matterNo)
			.singleResult()
			.getId();
		for (Job job : managementService.createJobQuery().processInstanceId(instanceId).executable().list()) {
			managementService.executeJob(job.getId());
		}
	}

}
