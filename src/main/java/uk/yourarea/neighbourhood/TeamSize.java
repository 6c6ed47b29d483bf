package uk.yourarea.neighbourhood;

/**
 * How many people a neighbourhood's team has, for the page that asks before retiring it.
 * The team feature answers it: it depends on this feature, so this one cannot call it.
 */
public interface TeamSize {

	long membersOf(long neighbourhoodId);

}
