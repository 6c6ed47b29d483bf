@NullMarked
package uk.yourarea.area;

import org.jspecify.annotations.NullMarked;
