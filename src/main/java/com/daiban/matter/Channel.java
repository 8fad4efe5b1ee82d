package com.daiban.matter;

/** How the matter reached the agent: at the village office (定点代办), at home (上门代办), or booked by phone. */
public enum Channel {

	OFFICE, HOME, PHONE

}
