package org.disassociate.clevertap;

/**
 * One number on its way through the service: the input as received, its E.164 form when it is valid (or why it is
 * not), and the submission it came with.
 */
public final class PhoneNumber {

    private final String input;
    private final String e164;
    private final String rejection;
    private final Submission submission;

    private PhoneNumber(String input, String e164, String rejection, Submission submission) {
        this.input = input;
        this.e164 = e164;
        this.rejection = rejection;
        this.submission = submission;
    }

    public static PhoneNumber accepted(String input, String e164, Submission submission) {
        return new PhoneNumber(input, e164, null, submission);
    }

    public static PhoneNumber rejected(String input, String rejection, Submission submission) {
        return new PhoneNumber(input, null, rejection, submission);
    }

    public boolean isValid() {
        return e164 != null;
    }

    public String getInput() {
        return input;
    }

    public String getE164() {
        return e164;
    }

    public String getRejection() {
        return rejection;
    }

    public Submission getSubmission() {
        return submission;
    }

    public String getSource() {
        return submission == null ? "unknown" : submission.getSource();
    }

    @Override
    public String toString() {
        return isValid() ? e164 : "invalid(" + rejection + ")";
    }
}
