package com.daiban.matter;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Service;

/** The three rates ({@link Rates}) of a township's matters accepted within [from, to), as of now. */
@Service
public class MatterRates {

	private final MatterLedger ledger;

	private final Clock clock;

	MatterRates(MatterLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	public Rates ofTownship(String townshipCode, OffsetDateTime from, OffsetDateTime to) {
		return Rates.of(ledger.ofTownship(townshipCode, from, to), ledger.ratingsOfTownship(townshipCode, from, to),
				OffsetDateTime.now(clock));
	}

}
