package org.disassociate.clevertap.intake.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.disassociate.clevertap.model.Unprocessed;

/**
 * The REST intake's answer, in CleverTap's shape ({@code status}, {@code processed}, {@code unprocessed}) beside this
 * service's own fields. A field that does not apply to an answer is left out.
 *
 * @param status      {@code success}, {@code partial} or {@code fail}, as CleverTap says them; for a 202, of the numbers
 *                    taken: {@code success} all were taken, {@code partial} some were refused
 * @param processed   numbers CleverTap processed (a 200); absent from a 202, where nothing is processed yet
 * @param unprocessed the numbers not taken or not processed, each as CleverTap lists them
 *                    ({@code {"status":"fail","code":…,"error":…,"record":{"type":"phone","value":…}}})
 * @param accepted    numbers taken for delivery (absent from a dry run, which takes none)
 * @param rejected    the numbers this service refused, as {@code {"value":…,"error":…}} (the first 10,000)
 * @param dryRun      true for a dry run: CleverTap validated the numbers and changed nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestAnswer(
        String status,
        Long processed,
        List<Unprocessed> unprocessed,
        Long accepted,
        List<Rejection> rejected,
        Boolean dryRun) {

    /** A number this service refused, and why. */
    public record Rejection(String value, String error) {}
}
