package com.daiban.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A login to one of Camunda's webapps as a browser makes it: the session cookie and the CSRF token it hands out. */
public final class WebappLogin {

	private WebappLogin() {
	}

	/** The headers of a browser logged in to {@code app} (cockpit, tasklist) as {@code userId} with the demo password. */
	public static HttpHeaders as(TestRestTemplate rest, String app, String userId) {
		ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/", String.class);
		HttpHeaders session = new HttpHeaders();
		cookies(page.getHeaders(), session);
		HttpHeaders login = new HttpHeaders(session);
		login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		login.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
		ResponseEntity<String> loggedIn = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app,
				HttpMethod.POST, new HttpEntity<>("username=" + userId + "&password=demo", login), String.class);
		if (loggedIn.getStatusCode() != HttpStatus.OK) {
			throw new AssertionError(userId + " could not log in to " + app + ": " + loggedIn.getStatusCode());
		}
		HttpHeaders afterLogin = new HttpHeaders();
		cookies(page.getHeaders(), afterLogin);
		cookies(loggedIn.getHeaders(), afterLogin);
		afterLogin.setAccept(List.of(MediaType.APPLICATION_JSON));
		return afterLogin;
	}

	/** Copies the cookies {@code from} sets into {@code to}, replacing those of the same name. */
	public static void cookies(HttpHeaders from, HttpHeaders to) {
		from.getOrEmpty(HttpHeaders.SET_COOKIE).forEach(cookie -> {
			String pair = cookie.substring(0, cookie.indexOf(';'));
			String name = pair.substring(0, pair.indexOf('='));
			List<String> kept = to.getOrEmpty(HttpHeaders.COOKIE).stream().filter(c -> !c.startsWith(name + "=")).toList();
			to.put(HttpHeaders.COOKIE, new ArrayList<>(kept));
			to.add(HttpHeaders.COOKIE, pair);
		});
	}

}
