package com.daiban.resident.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the residents' public page and API.
 * @param lookupFailuresPerClient failed look-ups (wrong number or phone) one client may make within {@code throttleWindow}
 * @param lookupFailuresPerNumber failed look-ups of one matter or complaint number within {@code throttleWindow}
 * @param throttleWindow how long failures count, and how long a client or number then waits
 * @param requestsPerMinute requests of one client to the public API per minute, whatever they are
 * @param codesPerHour one-time codes sent to one phone per hour (each code: {@code codeValidity}, 3 tries)
 * @param codesPerClientPerHour one-time codes one client may have sent per hour, to any phones
 * @param codeValidity how long a one-time code may be used
 * @param codeSecret mixed into each code's hash, so a copy of the database does not reveal codes; nodes sharing a
 * database need the same value (set {@code DAIBAN_CODE_SECRET})
 * @param officeHours the township centers' opening hours, as the service card prints them
 * @param supervisionHotlines the supervision office's hotline per township code; a township without one shows its
 * center's phone
 */
@ConfigurationProperties("daiban.resident")
public record ResidentProperties(Integer lookupFailuresPerClient, Integer lookupFailuresPerNumber,
		Duration throttleWindow, Integer requestsPerMinute, Integer codesPerHour, Integer codesPerClientPerHour, Duration codeValidity,
		String codeSecret, String officeHours, Map<String, String> supervisionHotlines) {

	public ResidentProperties {
		lookupFailuresPerClient = lookupFailuresPerClient == null ? 10 : lookupFailuresPerClient;
		lookupFailuresPerNumber = lookupFailuresPerNumber == null ? 5 : lookupFailuresPerNumber;
		throttleWindow = throttleWindow == null ? Duration.ofMinutes(15) : throttleWindow;
		requestsPerMinute = requestsPerMinute == null ? 60 : requestsPerMinute;
		codesPerHour = codesPerHour == null ? 5 : codesPerHour;
		codesPerClientPerHour = codesPerClientPerHour == null ? 10 : codesPerClientPerHour;
		codeValidity = codeValidity == null ? Duration.ofMinutes(10) : codeValidity;
		codeSecret = codeSecret == null ? "" : codeSecret;
		officeHours = officeHours == null ? "" : officeHours;
		supervisionHotlines = supervisionHotlines == null ? Map.of() : Map.copyOf(supervisionHotlines);
	}

}
