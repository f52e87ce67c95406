package org.disassociate.clevertap.intake.file;

/** An intake file that cannot be read as a list of numbers at all; it is moved to {@code .failed/}. */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message, null, false, false);
    }
}
