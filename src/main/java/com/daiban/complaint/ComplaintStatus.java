package com.daiban.complaint;

public enum ComplaintStatus {

	FILED, VERIFIED, NOT_VERIFIED, RECTIFIED, CLOSED

}
