package org.disassociate.clevertap.intake.rest;

/** The REST intake's body for a refused request (400, 401, 413, 415): {@code {"error":"…"}}. */
public record ErrorReply(String error) {}
