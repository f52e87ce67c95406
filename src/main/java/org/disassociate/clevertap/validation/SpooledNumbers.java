package org.disassociate.clevertap.validation;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.Variables;

/**
 * Takes the lines of a spool file. The REST or JMS intake checked every one of them with libphonenumber and wrote it in
 * E.164 before it spooled it, so a line in E.164 is taken as it is, not checked a second time (that was half the JMS
 * path's validation CPU). A line that is not in E.164 (a spool edited by hand, a damaged disk) is checked in full by
 * {@link PhoneNormaliser}, and refused with its reason like any input.
 */
public class SpooledNumbers {

    /** E.164: a {@code +}, a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private PhoneNormaliser normaliser;

    public void setNormaliser(PhoneNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    public CheckedNumbers accept(
            @Body List<?> lines,
            @Variable(Variables.SOURCE) String source,
            @Variable(Variables.CHUNK) Settlement.Chunk chunk) {
        CheckedNumbers checked = new CheckedNumbers(lines.size());
        for (Object line : lines) {
            String value = line == null ? null : line.toString();
            checked.add(
                    value != null && E164.matcher(value).matches()
                            ? PhoneNumber.accepted(value, value, source, chunk)
                            : normaliser.check(value, source, chunk));
        }
        return checked;
    }
}
