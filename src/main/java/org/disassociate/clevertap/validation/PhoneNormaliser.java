package org.disassociate.clevertap.validation;

import java.util.List;
import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.AccountInput;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.CheckedNumbers;
import org.disassociate.clevertap.model.ConfigurationException;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Settlement;
import org.disassociate.clevertap.model.Variables;

/**
 * Decides whether an input is a phone number CleverTap can take, and writes it in E.164 with libphonenumber. Numbers
 * written without {@code +} are read as numbers of {@code clevertap.default-country}.
 */
public class PhoneNormaliser {

    /** Longer inputs are not phone numbers; libphonenumber itself stops at 250 characters. */
    static final int MAX_INPUT_LENGTH = 64;

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private String defaultCountry = "IN";
    private Accounts accounts;

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    public void setDefaultCountry(String defaultCountry) {
        String country = defaultCountry == null ? "" : defaultCountry.trim().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(country)) {
            throw new ConfigurationException("clevertap.default-country '" + defaultCountry
                    + "' is not an ISO 3166 country code libphonenumber knows (for example IN, US, SG)");
        }
        this.defaultCountry = country;
    }

    /**
     * Checks a chunk of inputs (lines of a file, records of a REST body or JMS message): strings, or CleverTap
     * identities ({@code {"type":"phone","value":…}}).
     */
    public CheckedNumbers normaliseAll(
            @Body List<?> inputs,
            @Variable(Variables.SOURCE) String source,
            @Variable(Variables.CHUNK) Settlement.Chunk chunk,
            @Variable(Variables.ACCOUNT) String account) {
        // a number without + that reaches an account by name is of that account's default-country
        String country = account == null ? defaultCountry : defaultCountryOf(account);
        // a number's country decides its account only when its intake named none, and an account lists countries or
        // there is no default account (whose error record then names the country)
        boolean withCountry = account == null && (accounts == null || accounts.routeByCountry());
        CheckedNumbers checked = new CheckedNumbers(inputs.size());
        for (Object input : inputs) {
            if (input instanceof AccountInput named) {
                // its own message named its account (a JMS message's header): that account's country, and the valid
                // number on its way to it
                PhoneNumber number = checkInput(named.input(), source, chunk, defaultCountryOf(named.account()), false);
                checked.add(number.isValid() ? number.to(named.account()) : number);
            } else {
                checked.add(checkInput(input, source, chunk, country, withCountry));
            }
        }
        return checked;
    }

    private PhoneNumber checkInput(
            Object input, String source, Settlement.Chunk chunk, String country, boolean withCountry) {
        return input instanceof Identity identity
                ? check(identity, source, chunk, country, withCountry)
                : check(input == null ? null : input.toString(), source, chunk, country, withCountry);
    }

    private String defaultCountryOf(String account) {
        return accounts == null
                ? defaultCountry
                : accounts.named(account).map(Account::defaultCountry).orElse(defaultCountry);
    }

    PhoneNumber check(String input, String source, Settlement.Chunk chunk) {
        return check(input, source, chunk, defaultCountry, true);
    }

    PhoneNumber check(
            Identity identity, String source, Settlement.Chunk chunk, String defaultCountry, boolean withCountry) {
        if (!Identity.PHONE.equalsIgnoreCase(identity.type())) {
            return PhoneNumber.rejected(
                    identity.value(),
                    "type must be \"phone\", not "
                            + (identity.type() == null ? "missing" : "\"" + identity.type() + "\""),
                    source,
                    chunk);
        }
        return check(identity.value(), source, chunk, defaultCountry, withCountry);
    }

    /**
     * {@code withCountry}: the valid number carries its country (libphonenumber's region, a lookup of its own), which
     * only the routing to accounts by country reads.
     */
    PhoneNumber check(String input, String source, Settlement.Chunk chunk, String defaultCountry, boolean withCountry) {
        String raw = input == null ? "" : input.strip();
        if (raw.isEmpty()) {
            return PhoneNumber.rejected(input, "empty value", source, chunk);
        }
        if (raw.length() > MAX_INPUT_LENGTH) {
            return PhoneNumber.rejected(
                    input, "too long for a phone number (" + raw.length() + " characters)", source, chunk);
        }
        try {
            Phonenumber.PhoneNumber parsed = util.parse(raw, defaultCountry);
            if (!util.isValidNumber(parsed)) {
                String region = util.getRegionCodeForNumber(parsed);
                return PhoneNumber.rejected(
                        input,
                        "not a valid phone number"
                                + (region == null ? " for country code +" + parsed.getCountryCode() : " in " + region),
                        source,
                        chunk);
            }
            return PhoneNumber.accepted(
                    input,
                    util.format(parsed, PhoneNumberFormat.E164),
                    withCountry ? util.getRegionCodeForNumber(parsed) : null,
                    source,
                    chunk);
        } catch (NumberParseException e) {
            return PhoneNumber.rejected(input, "not a phone number: " + reason(e), source, chunk);
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
}
