package uk.yourarea.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every method of the services behind the staff pages checks who is calling, with method
 * security ({@link WithinStaffScope}, {@link ForWebEditors}, {@link ForAdministrators},
 * {@link ForDataProtection} or a {@code PreAuthorize}/{@code PostAuthorize} of its own),
 * so that a new method cannot be added to one of them without a check. The few that need
 * none say why below.
 */
class StaffServicesCheckAccessTests {

	private static final List<String> SERVICES = List.of("uk.yourarea.priority.PriorityEditing",
			"uk.yourarea.event.EventEditing", "uk.yourarea.consultation.Consultations", "uk.yourarea.team.TeamEditing",
			"uk.yourarea.station.StationEditing", "uk.yourarea.neighbourhood.NeighbourhoodChanges",
			"uk.yourarea.neighbourhood.LocalPolicingAreaChanges", "uk.yourarea.coverage.CoverageEditing",
			"uk.yourarea.coverage.CoverageImports", "uk.yourarea.audit.ChangeLog", "uk.yourarea.security.StaffAccounts",
			"uk.yourarea.dataprotection.DataProtectionDesk");

	/** Methods that need no check, by class, each with the reason. */
	private static final Map<String, Set<String>> UNCHECKED = Map.of(
			// Public information only (open priorities, common concerns and the question
			// a consultation starts with); the demo data uses it.
			"uk.yourarea.consultation.Consultations", Set.of("suggestedIssues", "suggestedQuestion"),
			// A snapshot of an entity the caller already holds.
			"uk.yourarea.neighbourhood.NeighbourhoodChanges", Set.of("recorded"), "uk.yourarea.event.EventEditing",
			Set.of("snapshot"),
			// Run by the import jobs and the scheduler, with no one signed in; reached by
			// people only through the checked methods.
			"uk.yourarea.coverage.CoverageImports", Set.of("changeCoverage"),
			// Recording a change is part of a checked edit (it must join its
			// transaction); formatting a time and comparing two versions show nothing
			// new.
			"uk.yourarea.audit.ChangeLog", Set.of("record", "formatWhen", "conflict"),
			// Signing in, changing one's own password, the first administrator and the
			// demo
			// accounts: before anyone is signed in, or about the caller's own account.
			// Who works where and colleagues' names: for the message pages, which check
			// the caller's scope themselves, and the response clock's jobs, where no one
			// is signed in.
			"uk.yourarea.security.StaffAccounts",
			Set.of("find", "hasSecondFactor", "emailInUse", "passwordProblem", "createAccount", "anyAdministrator",
					"changeOwnPassword", "checkCurrentPassword", "exists", "emailsOfTheTeam",
					"supervisorsWithTheirAreas", "namesOf"));

	@Test
	void everyMethodOfAStaffServiceChecksTheCaller() throws ClassNotFoundException {
		List<String> unchecked = new ArrayList<>();
		for (String name : SERVICES) {
			Class<?> service = Class.forName(name);
			boolean classChecked = checked(MergedAnnotations.from(service, SearchStrategy.TYPE_HIERARCHY));
			for (Method method : service.getDeclaredMethods()) {
				int modifiers = method.getModifiers();
				if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || method.isSynthetic()
						|| UNCHECKED.getOrDefault(name, Set.of()).contains(method.getName())) {
					continue;
				}
				if (!classChecked && !checked(MergedAnnotations.from(method))) {
					unchecked.add(service.getSimpleName() + "." + method.getName());
				}
				if (Modifier.isFinal(modifiers)) {
					unchecked
						.add(service.getSimpleName() + "." + method.getName() + " (final: its proxy cannot check it)");
				}
			}
		}
		assertThat(unchecked).as("service methods that do not check who is calling").isEmpty();
	}

	@Test
	void theExceptionsStillExist() throws ClassNotFoundException {
		for (Map.Entry<String, Set<String>> entry : UNCHECKED.entrySet()) {
			List<String> methods = List.of(Class.forName(entry.getKey()).getDeclaredMethods())
				.stream()
				.map(Method::getName)
				.toList();
			assertThat(methods).as(entry.getKey()).containsAll(entry.getValue());
		}
	}

	/** A check that can refuse someone: not {@code permitAll()}. */
	private static boolean checked(MergedAnnotations annotations) {
		for (Class<? extends java.lang.annotation.Annotation> type : List.of(PreAuthorize.class, PostAuthorize.class)) {
			if (annotations.isPresent(type)) {
				String rule = annotations.get(type).getString("value");
				if (!rule.isBlank() && !rule.contains("permitAll")) {
					return true;
				}
			}
		}
		return false;
	}

}
