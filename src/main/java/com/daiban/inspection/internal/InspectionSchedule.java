package com.daiban.inspection.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The bean the timer start event of monthly-inspection.bpmn reads: {@code ${inspectionSchedule.cron()}}. */
@Component("inspectionSchedule")
@EnableConfigurationProperties(InspectionProperties.class)
public class InspectionSchedule {

	private final InspectionProperties properties;

	InspectionSchedule(InspectionProperties properties) {
		this.properties = properties;
	}

	public String cron() {
		return properties.cron();
	}

}
