package org.disassociate.clevertap;

import java.util.List;

import org.apache.camel.Body;

/**
 * What a message intake (REST, JMS) writes to its spool file before it acknowledges: the valid numbers in E.164, one
 * a line, so that the spool is read back like any inbox file.
 */
public class Spool {

    /** The valid numbers, one a line; empty when none is valid (then nothing is spooled). */
    public String lines(@Body CheckedNumbers checked) {
        List<PhoneNumber> valid = checked.getValid();
        StringBuilder lines = new StringBuilder(valid.size() * 15);
        for (PhoneNumber number : valid) {
            lines.append(number.getE164()).append('\n');
        }
        return lines.toString();
    }
}
