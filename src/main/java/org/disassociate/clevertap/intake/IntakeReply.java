package org.disassociate.clevertap.intake;

import java.util.List;

/** The REST intake's 202 answer: how many numbers were taken, and the ones that were not, with the reason. */
public record IntakeReply(long accepted, List<Rejection> rejected) {

    public record Rejection(String value, String error) {
    }
}
