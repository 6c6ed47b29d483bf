package uk.yourarea.neighbourhood;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a staff controller whose pages all edit one neighbourhood's priorities or events,
 * at paths with a {@code {neighbourhoodId}}: {@link OneNeighbourhoodsEditors} gives each
 * of its handlers that neighbourhood as the model attribute {@code neighbourhood}, once
 * the person asking may edit it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EditsOneNeighbourhood {

}
