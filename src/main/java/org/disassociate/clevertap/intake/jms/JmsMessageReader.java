package org.disassociate.clevertap.intake.jms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.disassociate.clevertap.jmsbatch.ReceivedMessage;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.AccountInput;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Excerpt;
import org.disassociate.clevertap.model.NumberList;
import org.disassociate.clevertap.model.TraceContext;
import org.disassociate.clevertap.model.Variables;

/**
 * Reads a JMS message as numbers. Its body (a text message, or bytes in UTF-8) is a {@link NumberList}: CleverTap's
 * JSON body ({@code {"d":[…]}}), or one or more numbers, one a line. A message that is neither is poison: it is refused
 * with a reason, never retried. Its header {@value #ACCOUNT_HEADER}, when set, names the account of all its numbers
 * (an account's name or account id); one that names no configured account is refused the same way.
 */
public class JmsMessageReader {

    /** The message property that names the account of the message's numbers. */
    public static final String ACCOUNT_HEADER = "CleverTapAccount";

    private Accounts accounts = new Accounts();

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The numbers of every message of a batch (the {@code jms-batch} consumer), in one list; those of a message that
     * names its account are each an {@link AccountInput} of that account. The messages refused (not lists of numbers,
     * or naming no configured account) are set aside in the variable {@value Variables#REFUSED_MESSAGES}, each with its
     * reason, and cost the others nothing.
     */
    public List<Object> readBatch(@Body List<ReceivedMessage> messages, Exchange exchange) {
        List<Object> numbers = new ArrayList<>(messages.size());
        List<RefusedMessage> refused = new ArrayList<>(0);
        Span batchSpan = Span.current();
        for (ReceivedMessage message : messages) {
            // traced: the batch's span links to the trace each message came in
            SpanContext sent = TraceContext.spanContextOf(message.property(TraceContext.TRACEPARENT));
            if (sent != null) {
                batchSpan.addLink(sent);
            }
            String named = message.property(ACCOUNT_HEADER);
            Optional<Account> account = named == null ? Optional.empty() : accounts.byNameOrId(named);
            if (named != null && account.isEmpty()) {
                refused.add(new RefusedMessage(
                        message.id(),
                        message.body(),
                        ACCOUNT_HEADER + " '" + Excerpt.withoutNumbers(named)
                                + "' names no account of this service (give an account's name or account id)"));
                continue;
            }
            try {
                List<?> read = read(message.body());
                if (account.isEmpty()) {
                    numbers.addAll(read);
                } else {
                    String name = account.get().name();
                    read.forEach(input -> numbers.add(new AccountInput(input, name)));
                }
            } catch (PoisonMessageException e) {
                refused.add(
                        new RefusedMessage(message.id(), message.body(), "not a list of numbers: " + e.getMessage()));
            }
        }
        exchange.setVariable(Variables.REFUSED_MESSAGES, refused);
        return numbers;
    }

    /** A message of a batch that is refused: its id, raw body and why (the error channel's reason). */
    public record RefusedMessage(String id, Object body, String reason) {
        @Override
        public String toString() {
            return id + " (" + reason + ")";
        }
    }

    /** The numbers of the message: strings (lines) or identities (JSON records), each checked afterwards. */
    public List<?> read(@Body Object body) {
        try {
            return NumberList.read(text(body));
        } catch (NumberList.NotANumberListException e) {
            throw new PoisonMessageException(e.getMessage());
        }
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof ReceivedMessage.OtherKind other) {
            throw new PoisonMessageException("a " + other.kind() + ", not text: send a TextMessage or a BytesMessage");
        }
        throw new PoisonMessageException("a "
                + (body == null ? "message without a body" : body.getClass().getSimpleName() + " message")
                + ", not text: send a TextMessage or a BytesMessage");
    }
}
