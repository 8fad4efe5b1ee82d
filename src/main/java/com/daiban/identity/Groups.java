package com.daiban.identity;

/** The Camunda group ids of the organisation: the single place that knows their spelling. */
public final class Groups {

	public static final String CITY_CENTER = "city-center";

	public static final String ANALYSTS = "analysts";

	public static final String ADMIN = "camunda-admin";

	/** The city's supervision above the townships' offices (上级督查). */
	public static final String HIGHER_SUPERVISION = "higher-supervision";

	private static final String VILLAGE_PREFIX = "village-";

	private static final String TOWNSHIP_PREFIX = "township-";

	private static final String SUPERVISION_PREFIX = "supervision-";

	private Groups() {
	}

	public static String village(String villageCode) {
		return VILLAGE_PREFIX + villageCode;
	}

	public static String township(String townshipCode) {
		return TOWNSHIP_PREFIX + townshipCode;
	}

	public static String supervision(String townshipCode) {
		return SUPERVISION_PREFIX + townshipCode;
	}

	static String codeAfter(String prefix, String groupId) {
		return groupId.startsWith(prefix) ? groupId.substring(prefix.length()) : null;
	}

	static String villageCodeOf(String groupId) {
		return codeAfter(VILLAGE_PREFIX, groupId);
	}

	static String townshipCodeOf(String groupId) {
		return codeAfter(TOWNSHIP_PREFIX, groupId);
	}

	static String supervisedTownshipOf(String groupId) {
		return codeAfter(SUPERVISION_PREFIX, groupId);
	}

}
