/**
 * Maps drawn by the server as inline SVG from the stored neighbourhood boundaries: no
 * tiles, no scripts, nothing from another site.
 */
@NullMarked
package uk.yourarea.map;

import org.jspecify.annotations.NullMarked;
