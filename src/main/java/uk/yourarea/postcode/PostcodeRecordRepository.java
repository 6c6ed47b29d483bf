package uk.yourarea.postcode;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PostcodeRecordRepository extends JpaRepository<PostcodeRecord, String> {

	Optional<PostcodeRecord> findByPostcode(String postcode);

	boolean existsByOutwardCode(String outwardCode);

}
