package com.daiban.notification;

/**
 * Texts to a resident's phone that no process step sends: the one-time codes of the public page. They go through the
 * outbox like every notice; the log keeps them with the code blanked out.
 */
public interface ResidentTexts {

	/** The notification kind of a one-time code. */
	String ONE_TIME_CODE = "ONE_TIME_CODE";

	/**
	 * Queues the code for {@code phone}; the dispatcher sends it once the caller's transaction commits.
	 * @param scope what the code is for (a matter number, or "complaint"): the outbox batch is {@code code:<scope>:…}
	 * @param matterNo the matter it concerns, or {@code null}
	 * @param purpose in Chinese, completing "用于…", e.g. "签字确认事项 T01-20261128-0001"
	 */
	void sendOneTimeCode(String scope, String matterNo, String phone, String code, String purpose, int validMinutes);

}
