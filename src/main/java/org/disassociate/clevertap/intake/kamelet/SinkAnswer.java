package org.disassociate.clevertap.intake.kamelet;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.disassociate.clevertap.model.ErrorRecord;

/**
 * What the kamelet gives back to the host's route (the exchange's body after it): how its message was taken. A field
 * that does not apply is left out.
 *
 * @param status      {@code success} every number taken (or, in a dry run, processed by CleverTap), {@code partial} some
 *                    not, {@code fail} none
 * @param accepted    numbers made durable for delivery (absent from a dry run, which takes none)
 * @param invalid     numbers refused by this service's validation, each in the error channel (a dry run writes nothing)
 * @param processed   a dry run: numbers CleverTap validated
 * @param unprocessed a dry run: the numbers CleverTap refused or did not answer for, each with its code and reason
 * @param error       a message that is not a list of numbers: why (it is in the error channel)
 * @param dryRun      true for a dry run: CleverTap validated the numbers and changed nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SinkAnswer(
        String status,
        Integer accepted,
        Integer invalid,
        Long processed,
        List<ErrorRecord> unprocessed,
        String error,
        Boolean dryRun) {}
