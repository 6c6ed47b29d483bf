package uk.yourarea.web;

/**
 * One entry of a GOV.UK error summary: the id of the field it links to and the message.
 */
public record FormError(String field, String message) {
}
