package uk.yourarea.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.repository.Repository;

interface ChangeRecordRepository extends Repository<ChangeRecord, Long> {

	ChangeRecord save(ChangeRecord record);

	@EntityGraph(attributePaths = "fields")
	List<ChangeRecord> findBySubjectTypeAndSubjectIdOrderByChangedAtDescIdDesc(String subjectType, long subjectId,
			Limit limit);

	boolean existsBySubjectTypeAndSubjectId(String subjectType, long subjectId);

	@EntityGraph(attributePaths = "fields")
	List<ChangeRecord> findByNeighbourhoodIdOrderByChangedAtDescIdDesc(long neighbourhoodId, Limit limit);

	Optional<ChangeRecord> findFirstBySubjectTypeAndSubjectIdOrderByChangedAtDescIdDesc(String subjectType,
			long subjectId);

}
