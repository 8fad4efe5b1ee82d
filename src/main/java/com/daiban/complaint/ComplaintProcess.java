package com.daiban.complaint;

/** The names that tie Java to processes/complaint.bpmn and complaint-verification.dmn. */
public final class ComplaintProcess {

	public static final String KEY = "complaint";

	public static final String DECISION = "complaint-verification-limit";

	public static final String VERIFY_TASK = "Task_VerifyComplaint";

	public static final String RECTIFY_TASK = "Task_RectifyComplaint";

	public static final String CALLBACK_TASK = "Task_CallBackComplainant";

	static final String COMPLAINT_NO = "complaintNo";

	static final String MATTER_NO = "matterNo";

	static final String VILLAGE_CODE = "villageCode";

	static final String TOWNSHIP_CODE = "townshipCode";

	static final String KIND = "complaintKind";

	static final String CONTENT = "content";

	static final String FILED_BY = "filedBy";

	/** The notify delegate writes to RESIDENT from these two. */
	static final String COMPLAINANT_NAME = "residentName";

	static final String COMPLAINANT_PHONE = "residentPhone";

	static final String MATTER_RUNNING = "matterRunning";

	static final String LIMITS = "limits";

	static final String VERIFICATION_DUE_AT = "verificationDueAt";

	static final String RECTIFICATION_DUE_AT = "rectificationDueAt";

	static final String VERIFICATION_RESULT = "verificationResult";

	static final String SEVERITY = "severity";

	static final String VERIFICATION_NOTE = "verificationNote";

	static final String ACCOUNTABILITY_NOTE = "accountabilityNote";

	static final String RECTIFICATION_NOTE = "rectificationNote";

	static final String SATISFACTION = "satisfaction";

	static final String CALLBACK_NOTE = "callbackNote";

	private ComplaintProcess() {
	}

}
