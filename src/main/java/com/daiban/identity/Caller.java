package com.daiban.identity;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The authenticated user of a request and what their groups let them reach. Every domain endpoint scopes its answer
 * through this, so the rules of who sees which village live here only.
 */
public record Caller(String userId, List<String> groupIds) {

	public Caller {
		groupIds = List.copyOf(groupIds);
	}

	public boolean isAdmin() {
		return groupIds.contains(Groups.ADMIN);
	}

	public boolean isCityCenter() {
		return groupIds.contains(Groups.CITY_CENTER);
	}

	public Set<String> villages() {
		return codes(Groups::villageCodeOf);
	}

	/** Townships whose window clerks this caller is. */
	public Set<String> townships() {
		return codes(Groups::townshipCodeOf);
	}

	/** Townships whose supervision office this caller belongs to. */
	public Set<String> supervisedTownships() {
		return codes(Groups::supervisedTownshipOf);
	}

	/** A matter may be accepted for a village by that village's agents only. */
	public boolean mayAcceptFor(String villageCode) {
		return isAdmin() || villages().contains(villageCode);
	}

	/** A matter is visible to its village, its township's center and supervision office, and the unit handling it. */
	public boolean maySee(String villageCode, String townshipCode, String handlingGroup) {
		return isAdmin() || villages().contains(villageCode) || townships().contains(townshipCode)
				|| supervisedTownships().contains(townshipCode)
				|| (handlingGroup != null && groupIds.contains(handlingGroup));
	}

	/** Township-wide reports: the township's own center and supervision office. */
	public boolean maySeeTownship(String townshipCode) {
		return isAdmin() || townships().contains(townshipCode) || supervisedTownships().contains(townshipCode);
	}

	private Set<String> codes(Function<String, String> extractor) {
		return groupIds.stream().map(extractor).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
	}

}
