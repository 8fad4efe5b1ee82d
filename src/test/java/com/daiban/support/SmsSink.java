package com.daiban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A real SMS gateway for tests: an HTTP server on a port of its own that takes the webhook's JSON
 * {@code {phone, text, messageId}} and keeps every message, for a test to read like a phone would.
 */
public final class SmsSink implements AutoCloseable {

	public record Sms(String phone, String text) {
	}

	private static final Pattern CODE = Pattern.compile("验证码 (\\d{6})");

	private final HttpServer server;

	private final List<Sms> received = new ArrayList<>();

	private SmsSink(int port) {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ObjectMapper json = new ObjectMapper();
		server.createContext("/sms", exchange -> {
			Map<?, ?> body = json.readValue(exchange.getRequestBody(), Map.class);
			synchronized (received) {
				received.add(new Sms((String) body.get("phone"), (String) body.get("text")));
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
	}

	/** Starts a sink on a free port; point {@code daiban.notification.sms-webhook-url} at {@link #url()}. */
	public static SmsSink start() {
		return new SmsSink(0);
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
	}

	/** Every message to {@code phone}, oldest first. */
	public List<Sms> to(String phone) {
		synchronized (received) {
			return received.stream().filter(sms -> sms.phone().equals(phone)).toList();
		}
	}

	/** The one-time code in the latest message to {@code phone} that carries one. */
	public String lastCode(String phone) {
		List<Sms> messages = to(phone);
		for (int i = messages.size() - 1; i >= 0; i--) {
			Matcher code = CODE.matcher(messages.get(i).text());
			if (code.find()) {
				return code.group(1);
			}
		}
		throw new AssertionError("no one-time code was sent to " + phone + "; messages: " + messages);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
