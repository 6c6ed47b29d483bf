@NullMarked
package uk.yourarea.priority;

import org.jspecify.annotations.NullMarked;
