@NullMarked
package uk.yourarea.coverage;

import org.jspecify.annotations.NullMarked;
