package org.disassociate.clevertap.model;

/** One record of CleverTap's Disassociate body: {@code {"type":"phone","value":"+919213231415"}}. */
public record Identity(String type, String value) {

    public static final String PHONE = "phone";

    public static Identity phone(String value) {
        return new Identity(PHONE, value);
    }
}
