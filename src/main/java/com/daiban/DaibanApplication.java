package com.daiban;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DaibanApplication {

	public static void main(String[] args) {
		// Deadlines, "due today" filters and monthly reports are township time: the engine and Tasklist's filter
		// expressions read the JVM's zone, so it is set before anything starts (another zone: -Ddaiban.time-zone=...).
		TimeZone.setDefault(TimeZone.getTimeZone(System.getProperty("daiban.time-zone", "Asia/Shanghai")));
		SpringApplication.run(DaibanApplication.class, args);
	}

}
