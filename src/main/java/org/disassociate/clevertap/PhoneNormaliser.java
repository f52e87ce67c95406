package org.disassociate.clevertap;

import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.disassociate.clevertap.model.Identity;

/**
 * Decides whether an input is a phone number CleverTap can take, and writes it in E.164 with libphonenumber. Numbers
 * written without {@code +} are read as numbers of {@code clevertap.default-country}.
 */
public class PhoneNormaliser {

    /** Longer inputs are not phone numbers; libphonenumber itself stops at 250 characters. */
    static final int MAX_INPUT_LENGTH = 64;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private String defaultCountry = "IN";
    private ServiceMetrics metrics = new ServiceMetrics();

    public void setMetrics(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    public void setDefaultCountry(String defaultCountry) {
        String country = defaultCountry == null ? "" : defaultCountry.trim().toUpperCase(java.util.Locale.ROOT);
        if (!util.getSupportedRegions().contains(country)) {
            throw new ConfigurationException("clevertap.default-country '" + defaultCountry
                    + "' is not an ISO 3166 country code libphonenumber knows (for example IN, US, SG)");
        }
        this.defaultCountry = country;
    }

    public String getDefaultCountry() {
        return defaultCountry;
    }

    /**
     * Normalises a chunk of inputs (lines of a file, records of a REST body or JMS message) and counts each on its
     * submission; the metrics are counted once for the chunk.
     */
    public CheckedNumbers normaliseAll(@Body List<?> inputs, @ExchangeProperty("submission") Submission submission) {
        CheckedNumbers checked = new CheckedNumbers(inputs.size());
        for (Object input : inputs) {
            checked.add(normalise(input, submission));
        }
        metrics.accepted(submission, checked.getValid().size());
        metrics.invalid(submission, checked.getInvalid().size());
        return checked;
    }

    private PhoneNumber normalise(Object input, Submission submission) {
        PhoneNumber number = input instanceof Identity identity ? check(identity, submission) : check(text(input), submission);
        if (number.isValid()) {
            submission.accepted();
        } else {
            submission.rejected(ErrorRecords.shown(number.getInput()), number.getRejection());
        }
        return number;
    }

    PhoneNumber check(Identity identity, Submission submission) {
        if (!Identity.PHONE.equalsIgnoreCase(identity.type())) {
            return PhoneNumber.rejected(identity.value(),
                    "type must be \"phone\", not " + (identity.type() == null ? "missing" : "\"" + identity.type() + "\""),
                    submission);
        }
        return check(identity.value(), submission);
    }

    PhoneNumber check(String input, Submission submission) {
        String raw = input == null ? "" : input.strip();
        if (raw.isEmpty()) {
            return PhoneNumber.rejected(input, "empty value", submission);
        }
        if (raw.length() > MAX_INPUT_LENGTH) {
            return PhoneNumber.rejected(input, "too long for a phone number (" + raw.length() + " characters)", submission);
        }
        try {
            Phonenumber.PhoneNumber parsed = util.parse(raw, defaultCountry);
            if (!util.isValidNumber(parsed)) {
                String region = util.getRegionCodeForNumber(parsed);
                return PhoneNumber.rejected(input, "not a valid phone number"
                        + (region == null ? " for country code +" + parsed.getCountryCode() : " in " + region), submission);
            }
            return PhoneNumber.accepted(input, util.format(parsed, PhoneNumberFormat.E164), submission);
        } catch (NumberParseException e) {
            return PhoneNumber.rejected(input, "not a phone number: " + reason(e), submission);
        }
    }

    private static String reason(NumberParseException e) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case NOT_A_NUMBER -> "not a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }

    private static String text(Object input) {
        return input == null ? null : input.toString();
    }
}
