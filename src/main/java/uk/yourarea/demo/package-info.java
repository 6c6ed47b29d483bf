@NullMarked
package uk.yourarea.demo;

import org.jspecify.annotations.NullMarked;
