package com.daiban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.daiban.notification.internal.NotificationDispatcher;
import com.daiban.support.DaibanSpringBootTest;
import com.daiban.support.ModelCoverage;
import com.daiban.support.QueuedNotifications;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMS gateway is down: acceptance goes on, the dispatcher hands the resident's notification over to the engine,
 * which retries it with the model's backoff (R5/PT1M) and raises an incident in Cockpit when retries run out; once the
 * gateway is back and an operator retries it there, the resident gets the message exactly once. The gateway is a local
 * HTTP server on a port of our own, closed while "down". The full-size outage with the job executor running is reliability/gateway-outage.
 */
@DaibanSpringBootTest
class NotificationOutageTests {

	private static final int GATEWAY_PORT = freePort();

	private static final String MATTER = """
			{"villageCode":"V02","serviceItemCode":"MZ-004","channel":"HOME",
			 "resident":{"name":"李四","phone":"%s"},"description":"申领高龄津贴"}""";

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
	};

	@DynamicPropertySource
	static void smsGateway(DynamicPropertyRegistry registry) {
		registry.add("daiban.notification.channels", () -> "sms");
		registry.add("daiban.notification.sms-webhook-url", () -> "http://127.0.0.1:" + GATEWAY_PORT + "/sms");
	}

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HistoryService historyService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	NotificationDispatcher dispatcher;

	private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());

	private HttpServer gateway;

	@AfterEach
	void stopGateway() {
		if (gateway != null) {
			gateway.stop(0);
		}
	}

	@Test
	void shouldKeepAcceptingRetryWithBackoffRaiseIncidentAndSendOnceAfterCockpitRetry() {
		// Gateway down: acceptance still answers 201; the notice waits in the outbox.
		Map<String, Object> accepted = accept("13911110001");
		String processInstanceId = (String) accepted.get("processInstanceId");
		String matterNo = (String) accepted.get("matterNo");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isOne();
		assertThat(QueuedNotifications.queued(jdbc, matterNo + ":PROMISE:")).hasSize(1);

		// The dispatcher's attempt fails: nothing is recorded as sent, and the batch is handed over to a
		// notification-dispatch instance of its own, once: the dispatcher leaves a handed-over batch to the engine.
		assertThat(dispatcher.sendQueued(matterNo + ":PROMISE:")).isZero();
		assertThat(dispatcher.sendQueued(matterNo + ":PROMISE:")).isZero();
		assertThat(sentRows(matterNo)).isZero();
		Job notify = promiseNotification(matterNo);
		String dispatchId = notify.getProcessInstanceId();
		assertThat(dispatchId).isNotEqualTo(processInstanceId);

		// Every attempt fails; retries go down and the next attempt waits for the backoff of the model (PT1M).
		List<Integer> retries = new ArrayList<>();
		for (int attempt = 0; attempt < 10 && notify.getRetries() > 0; attempt++) {
			String jobId = notify.getId();
			Instant failedAt = Instant.now();
			assertThatThrownBy(() -> managementService.executeJob(jobId)).as("SMS gateway down")
				.hasStackTraceContaining("Connection refused");
			notify = managementService.createJobQuery().jobId(jobId).singleResult();
			retries.add(notify.getRetries());
			if (notify.getRetries() > 0) {
				assertThat(notify.getDuedate().toInstant()).as("next attempt after the backoff")
					.isAfter(failedAt.plus(50, ChronoUnit.SECONDS));
			}
		}
		assertThat(retries).as("retries after each failed attempt").isSortedAccordingTo((a, b) -> b - a).endsWith(0);
		assertThat(retries).doesNotHaveDuplicates();
		assertThat(notify.getExceptionMessage()).isNotBlank();

		// Out of retries: an incident, visible through the engine REST API that Cockpit uses.
		String jobId = notify.getId();
		Incident incident = runtimeService.createIncidentQuery().processInstanceId(dispatchId).singleResult();
		assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
		assertThat(incident.getConfiguration()).isEqualTo(jobId);
		ResponseEntity<List<Map<String, Object>>> cockpit = rest.exchange(
				"/engine-rest/incident?processInstanceId=" + dispatchId, HttpMethod.GET,
				new HttpEntity<>(headers("admin")), JSON_LIST);
		assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cockpit.getBody()).singleElement().satisfies(i -> assertThat(i).containsEntry("incidentType", "failedJob")
			.containsEntry("configuration", jobId)
			.containsEntry("activityId", "Task_SendNotifications"));
		assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count())
			.as("the matter itself carries no incident").isZero();

		// Still down: a new matter is accepted all the same; nothing was recorded as sent.
		assertThat(accept("13911110002")).containsKey("matterNo");
		assertThat(sentRows(matterNo)).isZero();

		// Gateway back; the operator retries the job as Cockpit does (PUT /job/{id}/retries): sent exactly once.
		startGateway();
		ResponseEntity<String> retry = rest.exchange("/engine-rest/job/" + notify.getId() + "/retries", HttpMethod.PUT,
				new HttpEntity<>("{\"retries\":1}", headers("admin")), String.class);
		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(runtimeService.createIncidentQuery().processInstanceId(dispatchId).count()).isZero();
		managementService.executeJob(notify.getId());

		assertThat(managementService.createJobQuery().jobId(notify.getId()).count()).isZero();
		assertThat(delivered).filteredOn(body -> body.contains("13911110001")).hasSize(1)
			.allSatisfy(body -> assertThat(body).contains(matterNo)
				.contains("\"messageId\":\"" + matterNo + ":PROMISE:1:Task_NotifyPromise:resident:13911110001:SMS\""));
		assertThat(sentRows(matterNo)).isEqualTo(1);
		assertThat(QueuedNotifications.queued(jdbc, matterNo + ":")).as("the outbox is empty").isEmpty();
		ModelCoverage.assertFlowNodeCoverage(repositoryService, historyService, QueuedNotifications.DISPATCH_PROCESS,
				List.of(dispatchId), 1.0);
	}

	@Test
	void shouldSendABatchOnceWhenTwoDispatchersTakeItAtTheSameTime() throws Exception {
		startGateway();
		String matterNo = (String) accept("13911110003").get("matterNo");
		String batch = matterNo + ":PROMISE:";
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> sent = new ArrayList<>();
			for (int node = 0; node < 2; node++) {
				sent.add(pool.submit(() -> {
					start.await();
					return dispatcher.sendQueued(batch);
				}));
			}
			start.countDown();
			int batchesSent = 0;
			for (Future<Integer> result : sent) {
				batchesSent += result.get(60, TimeUnit.SECONDS);
			}
			assertThat(batchesSent).as("one of the two sent the batch").isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(delivered).filteredOn(body -> body.contains("13911110003")).hasSize(1);
		assertThat(sentRows(matterNo)).isEqualTo(1);
		assertThat(QueuedNotifications.queued(jdbc, batch)).isEmpty();
		assertThat(runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(QueuedNotifications.DISPATCH_PROCESS)
			.processInstanceBusinessKeyLike(batch + "%")
			.count()).as("nothing handed over to the engine").isZero();
	}

	private Map<String, Object> accept(String phone) {
		ResponseEntity<Map<String, Object>> response = rest.exchange("/api/matters", HttpMethod.POST,
				new HttpEntity<>(MATTER.formatted(phone), headers("agent-v02-a")), JSON);
		assertThat(response.getStatusCode()).as("acceptance while the SMS gateway is down").isEqualTo(HttpStatus.CREATED);
		return response.getBody();
	}

	/** The send job of the notification-dispatch instance the promise notice was handed over to. */
	private Job promiseNotification(String matterNo) {
		List<ProcessInstance> dispatches = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(QueuedNotifications.DISPATCH_PROCESS)
			.processInstanceBusinessKeyLike(matterNo + ":PROMISE:%")
			.list();
		assertThat(dispatches).as("the promise notice handed over to the engine").hasSize(1);
		return managementService.createJobQuery().processInstanceId(dispatches.get(0).getId()).singleResult();
	}

	private long sentRows(String matterNo) {
		return jdbc.sql("SELECT count(*) FROM notification_log WHERE matter_no = ? AND kind = 'PROMISE' AND channel = 'SMS'")
			.param(matterNo)
			.query(Long.class)
			.single();
	}

	private void startGateway() {
		try {
			gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", GATEWAY_PORT), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		gateway.createContext("/sms", exchange -> {
			delivered.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		gateway.start();
	}

	private static HttpHeaders headers(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, "demo");
		return headers;
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
