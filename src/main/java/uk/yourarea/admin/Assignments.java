package uk.yourarea.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;

/** The local policing areas and their neighbourhoods, as the account form offers them. */
@Component
class Assignments {

	record Area(long id, String name, List<Choice> neighbourhoods) {
	}

	record Choice(long id, String name) {
	}

	private final NeighbourhoodDirectory neighbourhoods;

	Assignments(NeighbourhoodDirectory neighbourhoods) {
		this.neighbourhoods = neighbourhoods;
	}

	/** Every local policing area by name, each with its neighbourhoods by name. */
	List<Area> all() {
		Map<Long, List<Choice>> byArea = new LinkedHashMap<>();
		for (NeighbourhoodSummary neighbourhood : this.neighbourhoods.all()) {
			if (neighbourhood.retired()) {
				continue;
			}
			byArea.computeIfAbsent(neighbourhood.area().id(), (id) -> new ArrayList<>())
				.add(new Choice(neighbourhood.id(), neighbourhood.name()));
		}
		return this.neighbourhoods.areas()
			.stream()
			.map((area) -> new Area(area.id(), area.name(), byArea.getOrDefault(area.id(), List.of())))
			.toList();
	}

	static Set<Long> areaIds(List<Area> all) {
		return all.stream().map(Area::id).collect(Collectors.toSet());
	}

	static Set<Long> neighbourhoodIds(List<Area> all) {
		return all.stream()
			.flatMap((area) -> area.neighbourhoods().stream())
			.map(Choice::id)
			.collect(Collectors.toSet());
	}

	/** The names of the chosen areas, in the order the form shows them. */
	static List<String> areaNames(List<Area> all, Set<Long> chosen) {
		return all.stream().filter((area) -> chosen.contains(area.id())).map(Area::name).toList();
	}

	/** The names of the chosen neighbourhoods, in the order the form shows them. */
	static List<String> neighbourhoodNames(List<Area> all, Set<Long> chosen) {
		return all.stream()
			.flatMap((area) -> area.neighbourhoods().stream())
			.filter((choice) -> chosen.contains(choice.id()))
			.map(Choice::name)
			.toList();
	}

}
