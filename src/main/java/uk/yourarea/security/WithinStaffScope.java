package uk.yourarea.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

/**
 * On a service method about one neighbourhood: the signed-in member of staff may call it
 * only for a neighbourhood whose priorities and events they may edit
 * ({@link StaffScope#canEditPrioritiesAndEventsOf}). Otherwise the call ends in a 404, as
 * if the neighbourhood's page did not exist, so that no one learns what another team's
 * pages hold. The check runs below the controller, with Spring Security's method
 * security, whichever page calls the method.
 * <p>
 * The neighbourhood is the method's {@code neighbourhoodId} argument, else the id of its
 * {@code neighbourhood} argument, else the neighbourhood of its {@code consultation}
 * argument; a method with none of them is refused.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("@staffScope.mayWorkIn(authentication, #neighbourhoodId ?: #neighbourhood?.id ?: #consultation?.neighbourhoodId)")
@HandleAuthorizationDenied(handlerClass = OutOfScopeIsNotFound.class)
public @interface WithinStaffScope {

}
