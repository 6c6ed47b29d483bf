package uk.yourarea.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The neighbourhoods and local policing areas that staff are assigned to, as the
 * neighbourhood feature knows them. Security owns who is assigned where; the
 * neighbourhood feature owns which area each neighbourhood is in. That feature depends on
 * security for its own access checks, so security asks through this interface, which the
 * neighbourhood feature implements, rather than reading its tables.
 */
public interface PlacesOfWork {

	/** A local policing area, for the demo supervisors. */
	record Area(long id, String code, String name) {
	}

	/** Every neighbourhood, live or retired, in id order. */
	Set<Long> allNeighbourhoods();

	/** The local policing area of each of these neighbourhoods that exists. */
	Map<Long, Long> localPolicingAreasOf(Collection<Long> neighbourhoodIds);

	/**
	 * The neighbourhoods, live or retired, of these local policing areas, in id order.
	 */
	Set<Long> neighbourhoodsIn(Collection<Long> localPolicingAreaIds);

	/** The names of those of these neighbourhoods that are live, A to Z. */
	List<String> liveNamesOf(Collection<Long> neighbourhoodIds);

	/** The id of the neighbourhood with this code, and of its local policing area. */
	Optional<Map.Entry<Long, Long>> neighbourhoodAndAreaByCode(String code);

	/** Every local policing area, live or retired, by code. */
	List<Area> localPolicingAreas();

}
