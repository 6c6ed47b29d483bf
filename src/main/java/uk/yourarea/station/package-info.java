@NullMarked
package uk.yourarea.station;

import org.jspecify.annotations.NullMarked;
