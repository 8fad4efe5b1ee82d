package com.daiban.matter;

public enum MatterStatus {

	ACCEPTED, HANDLING, RETURNED, REPLIED, CLOSED, WITHDRAWN

}
