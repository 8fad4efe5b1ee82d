package com.daiban.catalogue;

/**
 * One item of the public service guide. {@code level} is where the item is normally handled (VILLAGE, TOWNSHIP, CITY),
 * {@code mode} its 三办 mode (DIRECT, PROXY, GUIDED); both are inputs to the routing decision, not the decision itself.
 */
public record ServiceItem(String code, String name, String categoryCode, String categoryName, String department,
		String level, String mode, String materials) {
}
