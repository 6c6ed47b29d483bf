package uk.yourarea.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;

/**
 * Answers for a static file whose name carries another content hash than this release's.
 * Every link to a file under {@code /assets/} names it by the MD5 of its content, and
 * such a name is kept by browsers for a year. During a rolling deploy, a page from an
 * instance of one release asks the load balancer for its stylesheet, which may reach an
 * instance of the other: without this, that instance has no file of that name and the
 * resident gets the page unstyled. With it, they get this release's file of the same
 * name, marked to be checked again ({@code no-cache}) so that neither browsers nor a
 * cache in front keep it under a name that is not its own.
 * <p>
 * A file asked for by its plain name (which no page links to) is marked the same way, so
 * that only a name with its content's hash is kept for a year.
 * <p>
 * A stylesheet comes out of Spring's link rewriting as another resource, without the
 * mark; {@link KeepCheckedEachTime}, the outermost transformer, puts it back.
 */
final class AssetsOfOtherReleases extends AbstractResourceResolver {

	/** Spring's content strategy: {@code name-<32 hex digits>.ext}. */
	private static final Pattern CONTENT_HASH = Pattern.compile("-([0-9a-f]{32})(\\.[^/.]+)$");

	@Override
	protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		Resource resolved = chain.resolveResource(request, requestPath, locations);
		Matcher hash = CONTENT_HASH.matcher(requestPath);
		if (resolved != null) {
			return hash.find() ? resolved : new CheckedEachTime(resolved);
		}
		if (!hash.find()) {
			return null;
		}
		String plainPath = requestPath.substring(0, hash.start()) + hash.group(2);
		Resource current = chain.resolveResource(request, plainPath, locations);
		return (current != null) ? new CheckedEachTime(current) : null;
	}

	@Override
	protected @Nullable String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourceUrlPath, locations);
	}

	/**
	 * Outermost of the transformers (the stylesheet's link rewriting among them): a file
	 * marked {@link CheckedEachTime} stays marked after them.
	 */
	static final class KeepCheckedEachTime implements ResourceTransformer {

		@Override
		public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
				throws IOException {
			Resource transformed = chain.transform(request, resource);
			return (resource instanceof CheckedEachTime && !(transformed instanceof CheckedEachTime))
					? new CheckedEachTime(transformed) : transformed;
		}

	}

	/** A file served under a name that is not its own: browsers must ask again. */
	static final class CheckedEachTime extends AbstractResource implements HttpResource {

		private final Resource file;

		CheckedEachTime(Resource file) {
			this.file = file;
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.setCacheControl("no-cache");
			return headers;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.file.getInputStream();
		}

		@Override
		public boolean exists() {
			return this.file.exists();
		}

		@Override
		public boolean isReadable() {
			return this.file.isReadable();
		}

		@Override
		public URL getURL() throws IOException {
			return this.file.getURL();
		}

		@Override
		public URI getURI() throws IOException {
			return this.file.getURI();
		}

		@Override
		public File getFile() throws IOException {
			return this.file.getFile();
		}

		@Override
		public long contentLength() throws IOException {
			return this.file.contentLength();
		}

		@Override
		public long lastModified() throws IOException {
			return this.file.lastModified();
		}

		@Override
		public @Nullable String getFilename() {
			return this.file.getFilename();
		}

		@Override
		public String getDescription() {
			return "to be checked each time: " + this.file.getDescription();
		}

	}

}
