package uk.yourarea.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * On a service method only the data protection desk may call: finding, exporting, erasing
 * and holding residents' personal data. Anyone else, administrators included, gets a 403,
 * checked with method security below the controller.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('DATA_PROTECTION')")
public @interface ForDataProtection {

}
