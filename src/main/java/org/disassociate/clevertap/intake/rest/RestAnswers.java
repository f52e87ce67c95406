package org.disassociate.clevertap.intake.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.DryRunRequest;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Excerpt;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.Json;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Unprocessed;
import org.disassociate.clevertap.model.Variables;
import org.disassociate.clevertap.model.WaitingRequest;

/**
 * The REST intake's answers, each in CleverTap's shape beside this service's fields ({@link RestAnswer}), with its HTTP
 * status. The per-record codes this service adds to CleverTap's own (516, 523, …):
 * <ul>
 * <li>{@value #NOT_A_VALID_PHONE}: refused by this service's validation (not a phone number, not valid for its
 * country, type not "phone", empty); never sent to CleverTap;</li>
 * <li>{@value #NOT_ANSWERED}: CleverTap gave no answer for the number: its batch was refused as a whole, or could not be
 * sent after every retry (the error says which status or failure).</li>
 * </ul>
 */
public class RestAnswers {

    public static final int NOT_A_VALID_PHONE = 601;
    public static final int NOT_ANSWERED = 602;
    /** Refusals listed in {@code rejected}; all of them are in the error channel and in {@code unprocessed}. */
    static final int MAX_LISTED_REJECTIONS = 10_000;

    private final ObjectMapper mapper = Json.mapper();

    /**
     * 202: the valid numbers are durable and will be delivered. {@code status} speaks of the numbers taken:
     * {@code success} all, {@code partial} some refused (in {@code unprocessed}).
     */
    public RestAnswer accepted(@Body CheckedNumbers checked, Exchange exchange) {
        status(exchange.getMessage(), 202);
        return new RestAnswer(
                checked.getInvalid().isEmpty() ? "success" : "partial",
                null,
                refusals(checked),
                (long) checked.getValid().size(),
                rejected(checked),
                null);
    }

    /** 200 {@code fail}: no number of the request is valid; nothing was taken, nothing will be sent. */
    public RestAnswer allRefused(@Body CheckedNumbers checked, Exchange exchange) {
        status(exchange.getMessage(), 200);
        return new RestAnswer("fail", 0L, refusals(checked), 0L, rejected(checked), null);
    }

    /** 200: every number of a waiting caller's request is settled; CleverTap's answer for them. */
    public RestAnswer settled(
            @Body CheckedNumbers checked,
            @Variable(Variables.WAITING_REQUEST) WaitingRequest request,
            @Variable(Variables.WAIT_SECONDS) int waitSeconds,
            Exchange exchange) {
        status(exchange.getMessage(), 200);
        exchange.getMessage().setHeader("Preference-Applied", "wait=" + waitSeconds);
        List<Unprocessed> unprocessed = refusals(checked);
        request.getRefused().forEach(record -> unprocessed.add(refusedByCleverTap(record)));
        request.getNotAnswered().forEach(record -> unprocessed.add(notAnswered(record)));
        return new RestAnswer(
                status(request.getProcessed(), unprocessed.size()),
                request.getProcessed(),
                unprocessed,
                (long) checked.getValid().size(),
                rejected(checked),
                null);
    }

    /** 200: a dry run's answer, CleverTap's for the valid numbers and this service's refusals. */
    public RestAnswer dryRun(@Variable(Variables.DRY_RUN_REQUEST) DryRunRequest dryRun, Exchange exchange) {
        status(exchange.getMessage(), 200);
        List<Unprocessed> unprocessed = refusals(dryRun.getChecked());
        dryRun.getUnprocessed().forEach(record -> unprocessed.add(refusedByCleverTap(record)));
        dryRun.getFailed().forEach(record -> unprocessed.add(notAnswered(record)));
        return new RestAnswer(
                status(dryRun.getProcessed(), unprocessed.size()),
                dryRun.getProcessed(),
                unprocessed,
                null,
                rejected(dryRun.getChecked()),
                true);
    }

    /** A request refused as a whole: {@code {"error":"…"}}, with its status; a 405 says which method is allowed. */
    public ErrorReply refusal(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause, Exchange exchange) {
        if (cause instanceof IntakeRefusedException refused) {
            status(exchange.getMessage(), refused.getStatus());
            if (refused.getStatus() == 405) {
                exchange.getMessage().setHeader("Allow", "POST");
            }
        } else {
            status(exchange.getMessage(), 500);
        }
        return new ErrorReply(cause.getMessage());
    }

    /**
     * The service cannot make numbers durable now: 503 with {@code Retry-After}, {@code {"error":"…"}}; none of the
     * request's numbers was taken, the caller sends it again.
     */
    public ErrorReply unavailable(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause, Exchange exchange) {
        status(exchange.getMessage(), 503);
        exchange.getMessage().setHeader("Retry-After", RETRY_AFTER_SECONDS);
        // the cause (a path, the disk's error) is in the log; the caller learns what to do
        return new ErrorReply("numbers cannot be made durable now (the service's disk fails): none of this request was "
                + "taken; send it again later");
    }

    /** How long a caller refused with 503 is asked to wait. */
    static final int RETRY_AFTER_SECONDS = 10;

    /** The headers an answer keeps: its status, and those it may set itself; every other header is dropped. */
    private static final Set<String> REPLY_HEADERS =
            Set.of(Exchange.HTTP_RESPONSE_CODE.toLowerCase(Locale.ROOT), "preference-applied", "allow", "retry-after");

    /** Drops every header but the answer's own (the request's headers must not go back to the caller). */
    public void replyHeadersOnly(Message message) {
        message.getHeaders().keySet().removeIf(name -> !REPLY_HEADERS.contains(name.toLowerCase(Locale.ROOT)));
    }

    private static String status(long processed, int unprocessed) {
        return unprocessed == 0 ? "success" : processed == 0 ? "fail" : "partial";
    }

    private static void status(Message message, int status) {
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }

    /** This service's refusals, as CleverTap lists a record it did not process. */
    private List<Unprocessed> refusals(CheckedNumbers checked) {
        List<Unprocessed> unprocessed = new ArrayList<>(checked.getInvalid().size());
        for (PhoneNumber number : checked.getInvalid()) {
            unprocessed.add(new Unprocessed(
                    "fail",
                    NOT_A_VALID_PHONE,
                    number.getRejection(),
                    mapper.valueToTree(Identity.phone(Excerpt.of(number.getInput())))));
        }
        return unprocessed;
    }

    /** A number CleverTap refused, with its own code and text. */
    private Unprocessed refusedByCleverTap(ErrorRecord record) {
        return new Unprocessed("fail", record.code(), record.error(), mapper.valueToTree(record.record()));
    }

    /** A number CleverTap gave no answer for: {@value #NOT_ANSWERED}, with the batch's failure. */
    private Unprocessed notAnswered(ErrorRecord record) {
        return new Unprocessed("fail", NOT_ANSWERED, record.error(), mapper.valueToTree(record.record()));
    }

    private static List<RestAnswer.Rejection> rejected(CheckedNumbers checked) {
        return checked.getInvalid().stream()
                .limit(MAX_LISTED_REJECTIONS)
                .map(n -> new RestAnswer.Rejection(Excerpt.of(n.getInput()), n.getRejection()))
                .toList();
    }
}
