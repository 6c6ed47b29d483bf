/**
 * Staff account administration: administrators add staff, set their roles, neighbourhoods
 * and local policing areas, disable and enable accounts and set temporary passwords.
 */
@NullMarked
package uk.yourarea.admin;

import org.jspecify.annotations.NullMarked;
