package com.daiban.complaint;

/** What a complaint is about; the verification-limit decision reads it. */
public enum ComplaintKind {

	/** A matter that is late or badly handled. */
	MATTER,
	/** An agent's or clerk's conduct. */
	CONDUCT,
	OTHER

}
