package org.disassociate.clevertap.intake.rest;

import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.disassociate.clevertap.model.DisassociateBody;
import org.disassociate.clevertap.model.Identity;

/**
 * Reads what a REST call asks: its records (CleverTap's body), and how long its caller waits for CleverTap's answer
 * ({@code Prefer: wait=<seconds>}, RFC 7240). Whether it is a dry run is the {@code dryRuns} bean's decision.
 */
public class RestRequests {

    private static final Pattern WAIT =
            Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,9})", Pattern.CASE_INSENSITIVE);

    private int maxWaitSeconds = 300;

    /** The longest wait a caller may ask for; a longer one is cut to it. */
    public void setMaxWaitSeconds(int maxWaitSeconds) {
        this.maxWaitSeconds = maxWaitSeconds;
    }

    /** The records of the body, each read as a phone identity; 400 when the body is not CleverTap's or holds none. */
    public List<Identity> read(@Body InputStream body) {
        List<Identity> records;
        if (body == null) {
            // Camel Quarkus hands an empty body on as none at all; Camel Main as an empty stream
            throw new IntakeRefusedException(400, "the body is empty: " + DisassociateBody.EXPECTED);
        }
        try {
            records = DisassociateBody.read(body);
        } catch (DisassociateBody.MalformedException e) {
            throw new IntakeRefusedException(400, e.getMessage());
        }
        if (records.isEmpty()) {
            throw new IntakeRefusedException(400, "the \"d\" array holds no records: " + DisassociateBody.EXPECTED);
        }
        return records;
    }

    /** The seconds the caller waits for CleverTap's answer ({@code Prefer: wait=N}, capped); null when it does not. */
    public Integer waitSeconds(@Header("Prefer") String prefer) {
        if (prefer == null) {
            return null;
        }
        Matcher wait = WAIT.matcher(prefer);
        return wait.find() ? Math.min(Integer.parseInt(wait.group(1)), maxWaitSeconds) : null;
    }
}
