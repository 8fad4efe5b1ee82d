package com.daiban.matter;

/** The names that tie Java to processes/proxy-matter.bpmn: renaming one is a breaking change for both. */
public final class ProxyMatterProcess {

	public static final String KEY = "proxy-matter";

	public static final String WITHDRAWAL_MESSAGE = "matter-withdrawn";

	/** Correlate with variables complaintNo and complaintSummary, by business key = matter number. */
	public static final String COMPLAINT_MESSAGE = "complaint-filed";

	public static final String MATTER_NO = "matterNo";

	public static final String VILLAGE_CODE = "villageCode";

	public static final String TOWNSHIP_CODE = "townshipCode";

	public static final String SERVICE_ITEM_CODE = "serviceItemCode";

	public static final String SERVICE_ITEM_NAME = "serviceItemName";

	/** Transient, as are {@link #ITEM_LEVEL} and {@link #MODE}: set for the routing decision only ({@link RouteInputsListener}). */
	public static final String CATEGORY = "category";

	public static final String ITEM_LEVEL = "itemLevel";

	public static final String MODE = "mode";

	public static final String CHANNEL = "channel";

	public static final String RESIDENT_NAME = "residentName";

	public static final String RESIDENT_PHONE = "residentPhone";

	public static final String DESCRIPTION = "description";

	public static final String AGENT_ID = "agentId";

	/** Set at registration for the handling form, as are {@link #AGENT_PHONE}, {@link #VILLAGE_NAME}, {@link #CHANNEL_LABEL}. */
	public static final String AGENT_NAME = "agentName";

	public static final String AGENT_PHONE = "agentPhone";

	public static final String VILLAGE_NAME = "villageName";

	public static final String CHANNEL_LABEL = "channelLabel";

	public static final String LEVEL = "level";

	public static final String HANDLING_GROUP = "handlingGroup";

	public static final String DUE_AT = "dueAt";

	/** Counts the promises made (1 for the first, one more after each rejected sign-off). */
	public static final String PROMISE_ROUND = "promiseRound";

	/** The user task in which the handling unit works on the matter. */
	public static final String HANDLE_TASK = "Task_HandleMatter";

	public static final String OUTCOME = "outcome";

	public static final String REPLY = "reply";

	public static final String WITHDRAWAL_REASON = "withdrawalReason";

	/**
	 * True while Task_HandleMatter is open; false once the unit has answered (or handed the matter on), which ends the
	 * matter's open supervision and extension tasks through their conditional boundary events.
	 */
	public static final String HANDLING_OPEN = "handlingOpen";

	public static final String REMIND_AT = "remindAt";

	public static final String HANDLING_TASK = "Task_HandleMatter";

	public static final String PAUSE_MESSAGE = "matter-paused";

	public static final String TRANSFER_MESSAGE = "matter-transferred";

	public static final String TERMINATION_MESSAGE = "matter-terminated";

	public static final String URGE_MESSAGE = "matter-urged";

	public static final String EXTENSION_MESSAGE = "extension-requested";

	private ProxyMatterProcess() {
	}

}
