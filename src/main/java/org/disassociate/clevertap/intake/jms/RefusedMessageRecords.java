package org.disassociate.clevertap.intake.jms;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Variable;
import org.disassociate.clevertap.jmsbatch.ReceivedMessage;
import org.disassociate.clevertap.model.ErrorRecord;
import org.disassociate.clevertap.model.Excerpt;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.Variables;

/**
 * The error-channel records of the messages of a JMS batch that are refused (not lists of numbers at all, or naming
 * no configured account): each one's raw body (cut) with the reason. They are committed with the batch, not
 * redelivered forever.
 */
public class RefusedMessageRecords {

    public List<ErrorRecord> of(
            @Variable(Variables.REFUSED_MESSAGES) List<JmsMessageReader.RefusedMessage> refused,
            @Variable(Variables.SOURCE) String source) {
        String at = Instant.now().toString();
        List<ErrorRecord> records = new ArrayList<>(refused.size());
        for (JmsMessageReader.RefusedMessage message : refused) {
            Object body = message.body();
            String raw = body instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.UTF_8)
                    : body instanceof ReceivedMessage.OtherKind other ? other.kind() : String.valueOf(body);
            records.add(new ErrorRecord(
                    Identity.phone(Excerpt.of(raw)),
                    null,
                    message.reason(),
                    source == null ? "jms" : source,
                    null,
                    null,
                    at));
        }
        return records;
    }
}
