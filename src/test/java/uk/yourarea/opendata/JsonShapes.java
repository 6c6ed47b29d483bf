package uk.yourarea.opendata;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of a JSON answer: each field's path (array elements as {@code []}) and the
 * JSON type of its value. Two answers have the same shape when they name the same fields
 * with the same types; a {@code null} on either side says nothing about the type, as
 * data.police.uk writes {@code null} for a missing string.
 */
final class JsonShapes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonShapes() {
	}

	static Map<String, JsonNodeType> of(String json) {
		Map<String, JsonNodeType> shape = new TreeMap<>();
		walk(JSON.readTree(json), "$", shape);
		return shape;
	}

	private static void walk(JsonNode node, String path, Map<String, JsonNodeType> shape) {
		JsonNodeType type = node.getNodeType();
		JsonNodeType before = shape.get(path);
		if (before == null || before == JsonNodeType.NULL) {
			shape.put(path, type);
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				walk(field.getValue(), path + "." + field.getKey(), shape);
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				walk(element, path + "[]", shape);
			}
		}
	}

	/**
	 * Asserts that ours has the fields and types of theirs at every path both have, no
	 * field theirs lacks except the named extensions, and every field theirs has.
	 * @param ours our answer
	 * @param theirs data.police.uk's answer
	 * @param freeForm paths whose content varies by record (a map of contact details, or
	 * an empty list in theirs): only the container's type is compared
	 * @param extensions paths we add
	 */
	static void assertSameShape(String ours, String theirs, Set<String> freeForm, Set<String> extensions) {
		Map<String, JsonNodeType> our = of(ours);
		Map<String, JsonNodeType> their = of(theirs);
		our.keySet().removeIf((path) -> insideAny(path, freeForm));
		their.keySet().removeIf((path) -> insideAny(path, freeForm));
		Map<String, JsonNodeType> withoutExtensions = new TreeMap<>(our);
		withoutExtensions.keySet().removeAll(extensions);
		assertThat(withoutExtensions.keySet()).as("field names").isEqualTo(their.keySet());
		their.forEach((path, type) -> {
			JsonNodeType mine = our.get(path);
			if (type != JsonNodeType.NULL && mine != JsonNodeType.NULL) {
				assertThat(mine).as("type of %s", path).isEqualTo(type);
			}
		});
	}

	private static boolean insideAny(String path, Set<String> containers) {
		return containers.stream()
			.anyMatch((container) -> path.startsWith(container + ".") || path.startsWith(container + "[]"));
	}

}
