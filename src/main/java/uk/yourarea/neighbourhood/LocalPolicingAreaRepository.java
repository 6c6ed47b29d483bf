package uk.yourarea.neighbourhood;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LocalPolicingAreaRepository extends JpaRepository<LocalPolicingArea, Long> {

	Optional<LocalPolicingArea> findByCode(String code);

}
