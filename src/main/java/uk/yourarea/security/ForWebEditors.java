package uk.yourarea.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * On a service (or one of its methods) that edits what every neighbourhood shares: the
 * neighbourhoods, local policing areas, teams, stations and coverage. Only web editors
 * and administrators may call it; anyone else gets a 403, checked with method security
 * below the controller, whatever the web security rules say.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('WEB_EDITOR', 'ADMIN')")
public @interface ForWebEditors {

}
