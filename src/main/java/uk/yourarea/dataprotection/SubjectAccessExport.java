package uk.yourarea.dataprotection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.LegalHold;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.Languages;

/**
 * A subject access export: one zip file holding a document a person can read (HTML, with
 * nothing outside it to load, so it opens the same anywhere and years later) and the same
 * records as JSON for a program, every field of every record in both.
 * <p>
 * The document is in the person's language: Welsh when any of their records was made in
 * Welsh (a message, an answer or a subscription from a Welsh page), English otherwise.
 * Someone who used Welsh even once chose to deal with the force in Welsh, and the Welsh
 * Language Standards ask for a reply in Welsh to whoever writes in it.
 */
@Component
class SubjectAccessExport {

	/** A file to download. */
	record File(String name, byte[] content) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final ITemplateEngine templates;

	private final HeldRecordViews views;

	private final MessageSource messages;

	private final ForceProperties force;

	private final Clock clock;

	SubjectAccessExport(ITemplateEngine templates, HeldRecordViews views, MessageSource messages, ForceProperties force,
			Clock clock) {
		this.templates = templates;
		this.views = views;
		this.messages = messages;
		this.force = force;
		this.clock = clock;
	}

	File zip(PersonSearch search, List<HeldRecord> records) {
		Instant now = this.clock.instant();
		String name = "subject-access-" + LocalDate.ofInstant(now, this.clock.getZone());
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
			add(out, name + ".html", html(search, records, now).getBytes(StandardCharsets.UTF_8));
			add(out, name + ".json", json(search, records, now));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the export to memory", ex);
		}
		return new File(name + ".zip", zip.toByteArray());
	}

	/** The language the export is in: Welsh if any of the records was made in Welsh. */
	static Locale languageOf(List<HeldRecord> records) {
		return records.stream().anyMatch((record) -> "cy".equals(record.language())) ? Languages.WELSH
				: Languages.ENGLISH;
	}

	String html(PersonSearch search, List<HeldRecord> records, Instant now) {
		Locale language = languageOf(records);
		Context context = new Context(language);
		context.setVariable("force", this.force);
		context.setVariable("lang", Languages.WELSH.equals(language) ? "cy" : "en-GB");
		context.setVariable("exportedAt", this.views.time(now, language));
		context.setVariable("searchedBy",
				this.messages.getMessage("dataprotection.export.searched-by." + search.by().name(), null, language));
		context.setVariable("term", search.term());
		context.setVariable("records", this.views.show(records, language));
		return this.templates.process("dataprotection/export", context);
	}

	byte[] json(PersonSearch search, List<HeldRecord> records, Instant now) {
		Locale language = languageOf(records);
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("controller", this.force.nameIn(language));
		export.put("language", Languages.tagOf(language));
		export.put("exportedAt", now.toString());
		export.put("searchedBy", search.by().name());
		export.put("searchedFor", search.term());
		List<Object> held = new ArrayList<>();
		for (HeldRecord record : records) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("kind", record.kind());
			entry.put("reference", record.reference());
			entry.put("createdAt", record.createdAt().toString());
			entry.put("erasedAt", (record.erasedAt() != null) ? record.erasedAt().toString() : null);
			entry.put("language", record.language());
			entry.put("legalHold", hold(record.hold()));
			entry.put("data", plain(record.data(), language));
			held.add(entry);
		}
		export.put("records", held);
		return JSON.writeValueAsBytes(export);
	}

	private static @Nullable Map<String, Object> hold(@Nullable LegalHold hold) {
		if (hold == null) {
			return null;
		}
		Map<String, Object> plain = new LinkedHashMap<>();
		plain.put("reason", hold.reason());
		plain.put("reviewOn", hold.reviewOn().toString());
		plain.put("placedAt", hold.placedAt().toString());
		return plain;
	}

	/**
	 * Times as ISO-8601 text, whatever the JSON library would make of them; a code as the
	 * code, for programs, with its label in the export's language; a name in that
	 * language.
	 */
	private @Nullable Object plain(@Nullable Object value, Locale language) {
		if (value instanceof Instant || value instanceof LocalDate) {
			return value.toString();
		}
		if (value instanceof HeldRecord.Code code) {
			Map<String, Object> plain = new LinkedHashMap<>();
			plain.put("code", code.code());
			plain.put("label", this.views.label(code, language));
			return plain;
		}
		if (value instanceof HeldRecord.Name name) {
			return HeldRecordViews.name(name, language);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> plain = new LinkedHashMap<>();
			map.forEach((key, item) -> plain.put(String.valueOf(key), plain(item, language)));
			return plain;
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map((item) -> plain(item, language)).toList();
		}
		return value;
	}

	private static void add(ZipOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new ZipEntry(name));
		out.write(content);
		out.closeEntry();
	}

}
