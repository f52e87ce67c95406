package org.disassociate.clevertap.model;

/** The REST intake's body for a refused request (400, 401, 413, 415): {@code {"error":"…"}}. */
public record ErrorReply(String error) {
}
