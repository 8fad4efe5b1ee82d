package com.daiban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DaibanApplication {

	public static void main(String[] args) {
		SpringApplication.run(DaibanApplication.class, args);
	}

}
