package uk.yourarea.area;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.SingleLine;

/** What a resident typed into "Find your local policing team". */
record PostcodeSearch(@SingleLine(message = "{area.find.postcode.characters}") @Nullable String postcode) {

}
