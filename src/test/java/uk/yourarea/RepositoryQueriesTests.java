package uk.yourarea;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SimpleQueryEnhancerSelector} is only safe while no {@code @Query} method asks
 * Spring Data to sort or page its query.
 */
class RepositoryQueriesTests {

	@Test
	void noDeclaredQueryIsSortedOrPagedBySpringData() throws ClassNotFoundException {
		List<String> repositories = new ArrayList<>();
		List<String> sortedOrPaged = new ArrayList<>();
		for (BeanDefinition candidate : repositoryInterfaces()) {
			Class<?> repository = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			repositories.add(repository.getSimpleName());
			for (Method method : repository.getDeclaredMethods()) {
				if (method.isAnnotationPresent(Query.class) && takesSortOrPage(method)) {
					sortedOrPaged.add(repository.getSimpleName() + "." + method.getName());
				}
			}
		}
		assertThat(repositories).contains("ContactMessageRepository", "NeighbourhoodRepository");
		assertThat(sortedOrPaged).isEmpty();
	}

	private static boolean takesSortOrPage(Method method) {
		for (Class<?> type : method.getParameterTypes()) {
			if (Sort.class.isAssignableFrom(type) || Pageable.class.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

	private static List<BeanDefinition> repositoryInterfaces() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isInterface();
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
		return new ArrayList<>(scanner.findCandidateComponents("uk.yourarea"));
	}

}
