package com.daiban.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless and in Chinese, as the journeys drive it: each step's screenshot (and page) in a folder
 * of the journey's own, and on failure the last screenshot and the browser's console.
 */
final class Chromium implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

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
			browser.manage().logs().get("browser").forEach(entry -> System.out.println("browser console: " + entry));
			throw e;
		}
	}

	<T> T until(String what, Function<WebDriver, T> condition) {
		return new WebDriverWait(browser, patience).withMessage(what).until(condition);
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
