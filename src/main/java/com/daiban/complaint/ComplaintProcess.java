package com.daiban.complaint;

/** The names that tie Java to processes/complaint.bpmn and complaint-verification.dmn. */
public final class ComplaintProcess {

	public static final String KEY = "complaint";

	public static final String DECISION = "complaint-verification-limit";

	public static final String VERIFY_TASK = "Task_VerifyComplaint";

	public static final String RECTIFY_TASK = "Task_RectifyComplaint";

	public static final String CALLBACK_TASK = "Task_CallBackComplainant";

	public static final String COMPLAINT_NO = "complaintNo";

	public static final String MATTER_NO = "matterNo";

	public static final String VILLAGE_CODE = "villageCode";

	public static final String TOWNSHIP_CODE = "townshipCode";

	public static final String KIND = "complaintKind";

	public static final String CONTENT = "content";

	public static final String FILED_BY = "filedBy";

	/** The notify delegate writes to RESIDENT from these two. */
	public static final String COMPLAINANT_NAME = "residentName";

	public static final String COMPLAINANT_PHONE = "residentPhone";

	public static final String MATTER_RUNNING = "matterRunning";

	public static final String LIMITS = "limits";

	public static final String VERIFICATION_DUE_AT = "verificationDueAt";

	public static final String RECTIFICATION_DUE_AT = "rectificationDueAt";

	public static final String VERIFICATION_RESULT = "verificationResult";

	public static final String SEVERITY = "severity";

	public static final String VERIFICATION_NOTE = "verificationNote";

	public static final String ACCOUNTABILITY_NOTE = "accountabilityNote";

	public static final String RECTIFICATION_NOTE = "rectificationNote";

	public static final String SATISFACTION = "satisfaction";

	public static final String CALLBACK_NOTE = "callbackNote";

	private ComplaintProcess() {
	}

}
