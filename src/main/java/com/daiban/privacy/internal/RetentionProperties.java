package com.daiban.privacy.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param personalData how long residents' names and phones stay in Daiban's own rows after a matter or complaint was
 * filed; the default is the processes' history time to live (P400D), so the ledger and the engine's history end together
 * @param cron when the nightly anonymisation runs (Spring cron, server zone)
 */
@ConfigurationProperties("daiban.retention")
record RetentionProperties(Duration personalData, String cron) {

	RetentionProperties {
		personalData = personalData == null ? Duration.ofDays(400) : personalData;
		cron = cron == null ? "0 30 2 * * *" : cron;
	}

}
