@NullMarked
package uk.yourarea.postcode;

import org.jspecify.annotations.NullMarked;
