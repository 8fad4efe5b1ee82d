package com.daiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervision office's day in Cockpit, in a real headless Chromium with a Chinese browser: 督查工作台 on the
 * dashboard with its charts, a figure followed to the matters behind it, a closed matter's whole story, and a report
 * opened with the same Cockpit login. Chromium missing is a failure, never a skip.
 */
@DaibanSpringBootTest
@Tag("browser")
class SupervisionJourneyTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "supervision");

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	JdbcClient jdbc;

	private Chromium chromium;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openChromium() throws IOException {
		chromium = Chromium.desktop(1400, 1400, PATIENCE, SCREENSHOTS);
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
	void supervisorFollowsAFigureToAClosedMattersStoryAndOpensAReport() {
		String closed = accept("张秀英", "13800001234");
		handle(closed);
		signOff(closed);
		dispatcher.sendQueued(closed + ":");
		String late = accept("李桂兰", "13800005678");
		// the promise is behind us: the matter is overdue now
		jdbc.sql("UPDATE matter SET due_at = ? WHERE matter_no = ?").params(OffsetDateTime.now().minusHours(1), late).update();
		chromium.recorded(() -> walk(closed, late));
	}

	private void walk(String closed, String late) {
		logIn("supervisor-t01");

		// Cockpit's dashboard: the township's figures with charts drawn by the bundled chart library
		WebElement overdue = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#daiban-overdue a")));
		assertThat(browser.findElement(By.cssSelector(".daiban-ws h2")).getText()).contains("督查工作台").contains("干窑镇");
		assertThat(overdue.getText()).isEqualTo("1");
		chromium.until("the monthly chart drawn", d -> chartDrawn("daiban-monthly"));
		chromium.screenshot("cockpit-dashboard");

		// the page of its own, from the navigation
		browser.findElement(By.xpath("//a[normalize-space()='督查工作台']")).click();
		// below the fold, in Cockpit's own scrolling container
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#daiban-report-ledger")));
		chromium.until("the village chart drawn", d -> chartDrawn("daiban-villages"));
		chromium.screenshot("workspace");

		// follow 已超时 to the matters behind it
		browser.findElement(By.cssSelector("#daiban-overdue a")).click();
		WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("daiban-matters-title")));
		assertThat(title.getText()).contains("已超时事项").contains("1 件");
		assertThat(browser.findElements(By.cssSelector("a.daiban-matter"))).extracting(WebElement::getText)
			.containsExactly(late);
		assertThat(browser.findElement(By.tagName("table")).getText()).contains("138****5678").doesNotContain("13800005678");
		chromium.screenshot("overdue-matters");

		// back on the workspace: this month's accepted matters, then the closed one's story
		browser.navigate().back();
		WebElement monthRow = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//h3[normalize-space()='各月三率']/following-sibling::table[1]//tr[last()]//td[2]/a")));
		chromium.clickInView(monthRow);
		WebElement closedLink = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//a[contains(@class,'daiban-matter')][normalize-space()='" + closed + "']")));
		chromium.screenshot("month-matters");
		chromium.clickInView(closedLink);
		WebElement story = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("daiban-story-title")));
		assertThat(story.getText()).contains(closed);
		String page = browser.findElement(By.cssSelector(".daiban-ws")).getText();
		assertThat(page).contains("已办结归档", "受理", "签字确认", "办结归档", "张秀英", "138****1234")
			.doesNotContain("13800001234");
		chromium.screenshot("closed-matter-story");

		// a report, opened with the same login (no second password)
		browser.navigate().back();
		browser.navigate().back();
		WebElement report = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("daiban-report-ledger")));
		browser.get(report.getDomProperty("href"));
		chromium.until("the ledger report", d -> d.getPageSource().contains("代办事项服务登记表"));
		assertThat(browser.getPageSource()).contains(closed);
		chromium.screenshot("ledger-report");

		// a running matter: its story links to the instance in Cockpit, whose tab 事项经过 tells the same story
		browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/daiban-matter?no=" + late);
		chromium.clickInView(wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("在流程监控中查看运行中的流程"))));
		chromium.clickInView(wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("事项经过"))));
		chromium.until("the story in the instance tab", d -> d.getPageSource().contains("事项经过 · " + late));
		chromium.until("the instance view loaded", d -> {
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return true;
		});
		chromium.screenshot("running-instance-story");
		assertThat(browser.findElements(By.cssSelector(".notifications .alert-danger, .alert.alert-danger")))
			.as("permission errors in the instance view").extracting(WebElement::getText).isEmpty();
	}

	private boolean chartDrawn(String canvasId) {
		// chart.js sizes the canvas it draws on and keeps its instance on it
		Object drawn = ((JavascriptExecutor) browser).executeScript(
				"const c = document.getElementById(arguments[0]); return !!c && c.width > 0 && (c.getAttribute('style') || '').includes('box-sizing');",
				canvasId);
		return Boolean.TRUE.equals(drawn);
	}

	private void logIn(String userId) {
		chromium.logIn(port, "cockpit", userId, "demo", By.cssSelector(".daiban-ws"));
	}

	private String accept(String name, String phone) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("agent-v01-a", "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		Map<String, Object> body = rest.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>("""
				{"villageCode":"V01","serviceItemCode":"MZ-001","channel":"OFFICE",
				 "resident":{"name":"%s","phone":"%s"},"description":"申请最低生活保障"}""".formatted(name, phone), headers),
				new ParameterizedTypeReference<Map<String, Object>>() {
				}).getBody();
		return (String) body.get("matterNo");
	}

	private void handle(String matterNo) {
		as("clerk-t01", "township-T01", () -> {
			Task task = task(matterNo, "Task_HandleMatter");
			taskService.claim(task.getId(), "clerk-t01");
			taskService.complete(task.getId(), Map.of("outcome", "DONE", "reply", "低保申请已审核通过"));
			return null;
		});
	}

	private void signOff(String matterNo) {
		as("agent-v01-a", "village-V01", () -> {
			Task task = task(matterNo, "Task_ConfirmSignOff");
			taskService.claim(task.getId(), "agent-v01-a");
			taskService.complete(task.getId(), Map.of("residentConfirmed", "true", "rating", "5", "signOffNote", "当面签字"));
			return null;
		});
	}

	private Task task(String matterNo, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(matterNo).taskDefinitionKey(key).singleResult();
	}

	private <T> T as(String user, String group, Supplier<T> action) {
		identityService.setAuthentication(user, List.of(group));
		try {
			return action.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
