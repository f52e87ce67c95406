package org.disassociate.clevertap.model;

import java.util.List;

/** The Disassociate request body, {@code {"d":[…]}}: CleverTap's, and the REST intake's too. */
public record DisassociateRequest(List<Identity> d) {}
