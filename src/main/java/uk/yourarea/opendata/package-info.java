/**
 * Open data: the neighbourhoods, teams, priorities and events as JSON under {@code /api},
 * in the form data.police.uk's neighbourhood API publishes them, so that a program
 * written for data.police.uk works here with only its base URL changed (issue 16). It
 * reads other features through their public services only, and writes nothing.
 */
@NullMarked
package uk.yourarea.opendata;

import org.jspecify.annotations.NullMarked;
