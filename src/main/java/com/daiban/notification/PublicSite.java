package com.daiban.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where residents reach the public page from their phones; every SMS to a resident ends with a short link to it.
 * @param baseUrl scheme, host and port as residents see them, e.g. {@code https://daiban.example.gov.cn}
 */
@ConfigurationProperties("daiban.public")
public record PublicSite(String baseUrl) {

	public PublicSite {
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
	}

	/** The resident page opened at the look-up of {@code number} (a matter or complaint number). */
	public String residentLink(String number) {
		return baseUrl + "/resident/" + (number == null ? "" : "?no=" + number);
	}

}
