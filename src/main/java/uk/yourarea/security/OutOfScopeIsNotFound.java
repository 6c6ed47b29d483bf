package uk.yourarea.security;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;
import org.springframework.stereotype.Component;

import uk.yourarea.web.NotFoundException;

/**
 * Turns a refusal of {@link WithinStaffScope} (or of another check about what a member of
 * staff may see) into the site's 404: what is not the caller's is answered as if it did
 * not exist.
 */
@Component
public final class OutOfScopeIsNotFound implements MethodAuthorizationDeniedHandler {

	@Override
	public @Nullable Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
		throw new NotFoundException("Not in the caller's neighbourhoods: " + invocation.getMethod().getName());
	}

}
