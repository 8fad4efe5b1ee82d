package com.daiban.matter;

public enum MatterStatus {

	// PAUSED: 中止, the clock stands; TERMINATED: 终止 by the township center or supervision office

	ACCEPTED, HANDLING, PAUSED, RETURNED, REPLIED, CLOSED, WITHDRAWN, TERMINATED

}
