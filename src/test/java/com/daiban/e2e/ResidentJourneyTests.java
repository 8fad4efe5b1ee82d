package com.daiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import com.daiban.matter.AcceptedMatter;
import com.daiban.matter.MatterIntake;
import com.daiban.matter.MatterLedger;
import com.daiban.matter.MatterRecord;
import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ResidentMatters;
import com.daiban.support.SmsSink;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A resident on a phone, in a real headless Chromium with a phone-sized screen and no login: opens the link of the
 * SMS, looks the matter up (a wrong pair first, which reads like an unknown number; a number tried too often asks to
 * wait), signs off with the code the SMS gateway received and gives five stars, files a real-name complaint, and reads
 * the notice board. The page's first load must stay under 300 KB.
 */
@DaibanSpringBootTest
@Tag("browser")
class ResidentJourneyTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots", "resident");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final SmsSink SMS = SmsSink.start();

	@DynamicPropertySource
	static void smsGateway(DynamicPropertyRegistry registry) {
		registry.add("daiban.notification.channels", () -> "log,sms");
		registry.add("daiban.notification.sms-webhook-url", SMS::url);
	}

	@AfterAll
	static void stopSms() {
		SMS.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MatterIntake intake;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	MatterLedger ledger;

	@Autowired
	NotificationDispatcher dispatcher;

	private Chromium chromium;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openChromiumOnAPhone() throws IOException {
		chromium = Chromium.phone(PATIENCE, SCREENSHOTS);
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
	void residentLooksUpSignsOffRatesComplainsAndReadsTheNoticeBoard() {
		chromium.recorded(this::walk);
	}

	private void walk() {
		ResidentMatters matters = new ResidentMatters(intake, identityService, taskService);
		AcceptedMatter replied = matters.replied("张秀英", "13800001234");
		AcceptedMatter other = matters.accepted("李大妈", "13800005678");

		// the link of the SMS opens the look-up with the number filled in
		browser.get("http://localhost:" + port + "/resident/?no=" + replied.matterNo());
		assertThat(field("lookup-no").getAttribute("value")).isEqualTo(replied.matterNo());
		assertThat(pageWeight()).as("bytes of the first load").isLessThan(300 * 1024);
		chromium.screenshot("opened-from-sms");

		// a wrong phone reads exactly like an unknown number
		lookUp(replied.matterNo(), "0000");
		String wrongPhone = text("lookup-message");
		lookUp("T01-19990101-0001", "1234");
		assertThat(text("lookup-message")).isEqualTo(wrongPhone).contains("编号或手机号后4位不正确");

		// a number tried too often asks to wait
		for (int i = 0; i < 5; i++) {
			lookUp(other.matterNo(), "900" + i);
		}
		lookUp(other.matterNo(), "5678");
		assertThat(text("lookup-message")).contains("请15分钟后再试");
		chromium.screenshot("asked-to-wait");

		// the right pair: status, unit, promise, agent, timeline
		lookUp(replied.matterNo(), "1234");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("matter")));
		assertThat(text("matter-status")).isEqualTo("已答复，待您签字确认");
		assertThat(text("matter-unit")).isEqualTo("干窑镇便民服务中心");
		assertThat(text("matter-agent")).contains("宏杨村代办员（A岗）").contains("13800000005");
		assertThat(text("matter-timeline")).contains("代办员已受理您的委托").contains("办理单位已答复：已办结");
		chromium.screenshot("matter-found");

		// sign-off with the code the SMS gateway received, five stars
		click("code-button");
		wait.until(driver -> text("code-message").contains("验证码已发送到尾号 1234"));
		dispatcher.sendQueued("code:" + replied.matterNo());
		field("sign-off-code").sendKeys(SMS.lastCode("13800001234"));
		click("confirm-yes");
		browser.findElements(By.cssSelector("#stars label")).get(4).click();
		assertThat(text("stars-label")).isEqualTo("5 星 非常满意");
		field("sign-off-comment").sendKeys("代办员上门，很方便");
		chromium.screenshot("sign-off-filled");
		click("sign-off-submit");
		wait.until(driver -> text("lookup-message").contains("已签字确认，感谢您的评价"));
		assertThat(text("matter-status")).isEqualTo("已办结");
		assertThat(browser.findElement(By.id("sign-off")).isDisplayed()).isFalse();
		MatterRecord signed = ledger.find(replied.matterNo()).orElseThrow();
		assertThat(signed.signedOffBy()).isEqualTo(MatterLedger.RESIDENT_HIMSELF);
		assertThat(signed.rating()).isEqualTo(5);
		assertThat(signed.signOffNote()).isEqualTo("代办员上门，很方便");
		chromium.screenshot("signed-off");

		// a real-name complaint, proven by a code to the complainant's phone
		click("tab-complaint");
		field("complaint-name").sendKeys("李大妈");
		field("complaint-phone").sendKeys("13800005678");
		click("complaint-code-button");
		wait.until(driver -> text("complaint-code-message").contains("验证码已发送"));
		dispatcher.sendQueued("code:complaint");
		field("complaint-code").sendKeys(SMS.lastCode("13800005678"));
		wait.until(driver -> new Select(field("complaint-village")).getOptions().size() > 1);
		new Select(field("complaint-village")).selectByVisibleText("宏杨村");
		field("complaint-matter").sendKeys(other.matterNo());
		field("complaint-content").sendKeys("说好一天办结，到现在没有答复");
		chromium.screenshot("complaint-filled");
		click("complaint-submit");
		wait.until(driver -> text("complaint-message").contains("投诉编号 TS-T01-"));
		chromium.screenshot("complaint-filed");

		// the notice board: agents on duty, windows, hotline, the guide searched
		click("tab-board");
		wait.until(driver -> new Select(field("board-village")).getOptions().size() > 1);
		new Select(field("board-village")).selectByVisibleText("宏杨村");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board-agents")));
		assertThat(text("board-agents")).contains("A 岗 宏杨村代办员（A岗）：13800000005")
			.contains("B 岗 宏杨村代办员（B岗）：13800000006");
		assertThat(text("board-hotline")).isEqualTo("0573-84500001");
		field("guide-search").sendKeys("社保卡");
		assertThat(text("guide-count")).isEqualTo("共 2 项");
		assertThat(text("guide")).contains("社保卡申领").contains("1 个工作日内办结");
		chromium.screenshot("notice-board");
	}

	private void lookUp(String number, String last4) {
		click("tab-lookup");
		WebElement no = field("lookup-no");
		no.clear();
		no.sendKeys(number);
		WebElement phone = field("lookup-last4");
		phone.clear();
		phone.sendKeys(last4);
		String before = text("lookup-message");
		((JavascriptExecutor) browser).executeScript("document.getElementById('lookup-message').textContent = '';");
		click("lookup-submit");
		wait.until(driver -> !text("lookup-message").isEmpty() || browser.findElement(By.id("matter")).isDisplayed());
		assertThat(before).isNotNull();
	}

	private long pageWeight() {
		Object bytes = ((JavascriptExecutor) browser).executeScript("""
				var total = 0;
				performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
				  .forEach(function (e) { total += e.transferSize || e.encodedBodySize || 0; });
				return total;""");
		long total = ((Number) bytes).longValue();
		assertThat(total).as("the page was loaded over the network").isPositive();
		return total;
	}

	private WebElement field(String id) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
	}

	private void click(String id) {
		chromium.clickInView(wait.until(ExpectedConditions.elementToBeClickable(By.id(id))));
	}

	private String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

}
