package com.daiban.catalogue;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ServiceItemController {

	private final ServiceCatalogue catalogue;

	ServiceItemController(ServiceCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/api/service-items")
	List<ServiceItem> items() {
		return catalogue.items();
	}

}
