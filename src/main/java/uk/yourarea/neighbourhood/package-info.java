@NullMarked
package uk.yourarea.neighbourhood;

import org.jspecify.annotations.NullMarked;
