package com.daiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless and in Chinese, as the journeys drive it: each step's screenshot (and page) in a folder
 * of the journey's own, and on failure the last screenshot and the browser's console.
 */
final class Chromium implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private static final By USERNAME = By.cssSelector("input[ng-model='username']");

	final WebDriver browser;

	final WebDriverWait wait;

	private final Duration patience;

	private final Path screenshots;

	private int step;

	private Chromium(ChromeOptions options, Duration patience, Path screenshots) throws IOException {
		assertThat(BINARY).as("Debian chromium (apt-get install chromium)").isExecutable();
		assertThat(DRIVER).as("Debian chromium-driver (apt-get install chromium-driver)").isExecutable();
		Files.createDirectories(screenshots);
		try (var old = Files.list(screenshots)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		options.setBinary(BINARY.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--lang=zh-CN");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		this.browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
				options);
		this.patience = patience;
		this.wait = new WebDriverWait(browser, patience);
		this.screenshots = screenshots;
	}

	/** A desktop window of {@code width} × {@code height}. */
	static Chromium desktop(int width, int height, Duration patience, Path screenshots) throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.addArguments("--window-size=" + width + "," + height);
		return new Chromium(options, patience, screenshots);
	}

	/** A cheap Android phone's screen, with a profile of its own (nothing cached from another journey). */
	static Chromium phone(Duration patience, Path screenshots) throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.addArguments("--user-data-dir=" + Files.createTempDirectory("phone-chromium"));
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0), "userAgent",
						"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36"));
		return new Chromium(options, patience, screenshots);
	}

	/** Runs a journey; when it fails, leaves a screenshot and the browser's console behind. */
	void recorded(Runnable journey) {
		try {
			journey.run();
		}
		catch (RuntimeException | AssertionError e) {
			screenshot("failure");
			List<String> console = browser.manage().logs().get("browser").getAll().stream().map(String::valueOf).toList();
			console.forEach(entry -> System.out.println("browser console: " + entry));
			// the build's summary shows only the message: let it say where the page was and what it showed
			throw new AssertionError("journey stopped at " + browser.getCurrentUrl() + "\npage shows: " + visibleText()
					+ "\nconsole: " + console.stream().filter(entry -> entry.contains("SEVERE")).limit(5).toList()
					+ "\nbecause: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
		}
	}

	private String visibleText() {
		try {
			Object text = ((JavascriptExecutor) browser)
				.executeScript("return document.body ? document.body.innerText : '(no body)';");
			String flat = String.valueOf(text).replaceAll("\\s+", " ").strip();
			return flat.length() > 600 ? flat.substring(0, 600) + "…" : flat;
		}
		catch (RuntimeException unreadable) {
			return "(unreadable: " + String.valueOf(unreadable.getMessage()).lines().findFirst().orElse("") + ")";
		}
	}

	/**
	 * Logs into a Camunda webapp ({@code app}: "tasklist", "cockpit") as a person does, until {@code arrived} shows.
	 * The login page is the first thing a user sees: it must already speak Chinese. Types only once the page has no
	 * request in flight, so that no answer arriving later draws the form anew under the keys; should the form still
	 * come back empty without a message, it is typed again, once. A refused login fails with the page's message.
	 */
	void logIn(int port, String app, String userId, String password, By arrived) {
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/#/login");
		((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
		browser.navigate().refresh();
		for (int attempt = 1;; attempt++) {
			WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
			until("the login page settled", driver -> idle());
			WebElement submit = browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']"));
			assertThat(submit.getText()).isEqualTo("登录");
			assertThat(username.getAttribute("placeholder")).isEqualTo("用户名");
			username.sendKeys(userId);
			browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
			screenshot("login-" + userId);
			submit.click();
			String outcome = until("logged in as " + userId + ", or the login page's message", driver -> {
				if (!driver.findElements(arrived).stream().filter(WebElement::isDisplayed).toList().isEmpty()) {
					return "arrived";
				}
				List<WebElement> refused = driver.findElements(By.cssSelector(".notifications .alert"));
				// the alert is drawn with its close button first and its (translated) words a moment later
				String message = refused.isEmpty() ? ""
						: refused.get(0).getAttribute("textContent").replace("×", " ").replaceAll("\\s+", " ").strip();
				if (!message.isEmpty()) {
					return "refused: " + message;
				}
				List<WebElement> form = driver.findElements(USERNAME);
				boolean emptyAgain = !form.isEmpty() && form.get(0).isDisplayed() && idle()
						&& form.get(0).getAttribute("value").isEmpty();
				return emptyAgain ? "form drawn again" : null;
			});
			if (outcome.equals("arrived")) {
				return;
			}
			if (outcome.startsWith("refused") || attempt == 2) {
				throw new AssertionError(app + " login as " + userId + " " + outcome);
			}
		}
	}

	/** The Angular app has loaded and has no request in flight. */
	private boolean idle() {
		Object idle = ((JavascriptExecutor) browser).executeScript("""
				var body = window.angular && angular.element(document.body);
				var injector = body && body.injector();
				return document.readyState === 'complete' && !!injector
				  && injector.get('$http').pendingRequests.length === 0;""");
		return Boolean.TRUE.equals(idle);
	}

	<T> T until(String what, Function<WebDriver, T> condition) {
		// a condition that reads an element the page has just drawn again asks once more
		return new WebDriverWait(browser, patience).withMessage(what)
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	void clickInView(WebElement element) {
		scrollTo(element);
		element.click();
	}

	void scrollTo(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	void screenshot(String name) {
		String file = String.format("%02d-%s", ++step, name);
		try {
			Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(png, screenshots.resolve(file + ".png"), StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(screenshots.resolve(file + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException("could not write screenshot " + file, e);
		}
	}

	@Override
	public void close() {
		browser.quit();
	}

}
