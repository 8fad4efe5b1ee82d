package com.daiban.inspection.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code daiban.inspection.cron}: when the monthly inspection starts, as a Camunda (Quartz-style) cron with seconds:
 * the default {@code 0 0 1 1 * ?} is 01:00 on the 1st of every month. Read once when the model is deployed.
 */
@ConfigurationProperties("daiban.inspection")
public record InspectionProperties(@DefaultValue("0 0 1 1 * ?") String cron) {
}
