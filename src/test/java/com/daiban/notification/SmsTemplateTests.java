package com.daiban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMS the way domestic platforms take it: an approved template code, its named parameters and the sign name for the
 * kinds configured so, plain text for the rest; a failed delivery is visible per message. The gateway is a local HTTP
 * server that answers 500 while told to fail.
 */
@DaibanSpringBootTest
class SmsTemplateTests {

	private static final int GATEWAY_PORT = freePort();

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
	};

	@DynamicPropertySource
	static void smsGateway(DynamicPropertyRegistry registry) {
		registry.add("daiban.notification.channels", () -> "sms");
		registry.add("daiban.notification.sms-webhook-url", () -> "http://127.0.0.1:" + GATEWAY_PORT + "/sms");
		registry.add("daiban.notification.sms.sign-name", () -> "便民代办");
		registry.add("daiban.notification.sms.templates.PROMISE.code", () -> "SMS_480001");
		registry.add("daiban.notification.sms.templates.PROMISE.parameters.no", () -> "matterNo");
		registry.add("daiban.notification.sms.templates.PROMISE.parameters.item", () -> "serviceItemName");
		registry.add("daiban.notification.sms.templates.PROMISE.parameters.due", () -> "dueAt");
	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	ObjectMapper json;

	private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger failing = new AtomicInteger();

	private HttpServer gateway;

	@BeforeEach
	void startGateway() throws IOException {
		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", GATEWAY_PORT), 0);
		gateway.createContext("/sms", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (failing.get() > 0) {
				failing.decrementAndGet();
				exchange.sendResponseHeaders(500, -1);
			}
			else {
				delivered.add(body);
				exchange.sendResponseHeaders(200, -1);
			}
			exchange.close();
		});
		gateway.start();
	}

	@AfterEach
	void stopGateway() {
		gateway.stop(0);
	}

	@Test
	void shouldSendTheApprovedTemplateWithNamedParametersAndSignName() throws IOException {
		String matterNo = accept("13911112222");

		assertThat(dispatcher.sendQueued(matterNo + ":PROMISE:")).isPositive();

		assertThat(delivered).hasSize(1);
		Map<String, Object> request = json.readValue(delivered.get(0), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
		});
		assertThat(request).containsEntry("phone", "13911112222").containsEntry("signName", "便民代办")
			.containsEntry("templateCode", "SMS_480001").doesNotContainKey("text");
		@SuppressWarnings("unchecked")
		Map<String, Object> parameters = (Map<String, Object>) request.get("templateParam");
		assertThat(parameters.keySet()).containsExactlyInAnyOrder("no", "item", "due");
		assertThat(parameters.get("no")).isEqualTo(matterNo);
		assertThat(parameters.get("item")).isEqualTo("高龄津贴申领");
		assertThat((String) parameters.get("due")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
	}

	@Test
	void shouldShowAFailedDeliveryPerMessage() {
		failing.set(1);
		String matterNo = accept("13911113333");

		assertThat(dispatcher.sendQueued(matterNo + ":PROMISE:")).isZero();

		List<Map<String, Object>> failures = rest.withBasicAuth("admin", "demo")
			.exchange("/api/admin/notification-failures?matterNo=" + matterNo, HttpMethod.GET, null, JSON_LIST)
			.getBody();
		assertThat(failures).singleElement().satisfies(failure -> {
			assertThat(failure).containsEntry("kind", "PROMISE").containsEntry("channel", "SMS");
			assertThat((String) failure.get("error")).contains("500");
		});
		assertThat(rest.withBasicAuth("agent-v01-a", "demo")
			.getForEntity("/api/admin/notification-failures", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private String accept(String phone) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth("agent-v01-a", "demo");
		ResponseEntity<Map<String, Object>> response = rest.exchange("/api/matters", HttpMethod.POST, new HttpEntity<>("""
				{"villageCode":"V01","serviceItemCode":"MZ-004","channel":"HOME",
				 "resident":{"name":"李四","phone":"%s"},"description":"申领高龄津贴"}""".formatted(phone), headers),
				new ParameterizedTypeReference<Map<String, Object>>() {
				});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) response.getBody().get("matterNo");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
