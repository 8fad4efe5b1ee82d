package com.daiban.matter.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the promise slip prints besides the matter: the supervision hotline (监督电话) the source publishes to every
 * household, and the city center's phone for matters handled there. A township center's own phone is its
 * {@code township.hotline}.
 */
@ConfigurationProperties("daiban.promise-slip")
record PromiseSlipProperties(String supervisionHotline, String cityCenterPhone) {

	PromiseSlipProperties {
		supervisionHotline = supervisionHotline == null || supervisionHotline.isBlank() ? "12345" : supervisionHotline;
		cityCenterPhone = cityCenterPhone == null ? "" : cityCenterPhone;
	}

}
