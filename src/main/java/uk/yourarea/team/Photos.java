package uk.yourarea.team;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored photos: one row per photo, keyed by its content hash, and one JPEG per size.
 * Kept out of JPA so that the bytes are read only to serve them, never with a team
 * member.
 */
@Repository
class Photos {

	private final JdbcClient jdbc;

	private final Clock clock;

	Photos(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The public address of one size of a photo. */
	static String url(String hash, int width) {
		return "/photos/" + hash + "-" + width + ".jpg";
	}

	/**
	 * Stores a checked photo (or finds the same one stored already) and returns its id.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	long store(PhotoChecks.Prepared photo) {
		this.jdbc
			.sql("insert into photo (content_hash, created_at) values (?, ?) on conflict (content_hash) do nothing")
			.params(photo.hash(), Timestamp.from(this.clock.instant()))
			.update();
		long id = this.jdbc.sql("select id from photo where content_hash = ?")
			.param(photo.hash())
			.query(Long.class)
			.single();
		for (PhotoChecks.Rendition rendition : photo.renditions()) {
			this.jdbc.sql("""
					insert into photo_size (photo_id, width, height, jpeg) values (?, ?, ?, ?)
					on conflict (photo_id, width) do nothing""")
				.params(id, rendition.width(), rendition.height(), rendition.jpeg())
				.update();
		}
		return id;
	}

	/** Deletes a photo no team member shows any more (flush member changes first). */
	@Transactional(propagation = Propagation.MANDATORY)
	void deleteIfUnused(long photoId) {
		this.jdbc.sql("delete from photo where id = ? and not exists (select 1 from team_member where photo_id = ?)")
			.params(photoId, photoId)
			.update();
	}

	/** The JPEG of one size of a photo, if it is stored. */
	@Transactional(readOnly = true)
	Optional<byte[]> jpeg(String hash, int width) {
		return this.jdbc.sql("""
				select s.jpeg from photo_size s join photo p on p.id = s.photo_id
				where p.content_hash = ? and s.width = ?""").params(hash, width).query(byte[].class).optional();
	}

}
