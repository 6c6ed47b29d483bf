/**
 * "Have your say": neighbourhood teams ask residents and local businesses which issues
 * should be their priorities. Staff open and close consultations, moderate free-text
 * concerns and read the results; the public answer, confirm by email, and see what people
 * said once a consultation has closed
 * ({@link uk.yourarea.consultation.ConsultationSummaries}).
 */
@NullMarked
package uk.yourarea.consultation;

import org.jspecify.annotations.NullMarked;
