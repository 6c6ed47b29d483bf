package uk.yourarea.neighbourhood;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface FormerSlugRepository extends JpaRepository<FormerSlug, String> {

	List<FormerSlug> findByNeighbourhoodIdOrderByReplacedAtDescSlugAsc(long neighbourhoodId);

}
