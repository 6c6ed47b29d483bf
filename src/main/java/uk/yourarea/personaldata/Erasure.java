package uk.yourarea.personaldata;

import java.util.List;

/**
 * What an erasure on request did in one feature.
 *
 * @param erased the references of the records whose personal data was erased
 * @param keptOnHold the references of the records kept because of a legal hold
 */
public record Erasure(List<String> erased, List<String> keptOnHold) {

	public static final Erasure NOTHING = new Erasure(List.of(), List.of());

	public Erasure {
		erased = List.copyOf(erased);
		keptOnHold = List.copyOf(keptOnHold);
	}

}
