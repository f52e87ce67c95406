package org.disassociate.clevertap.testing;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Every line this JVM logs from {@link #capture()} to {@link #close()}, as the application's log would have it (at the
 * levels log4j2.properties sets), with the stack traces of the exceptions logged.
 */
public final class CapturedLog extends AbstractAppender implements AutoCloseable {

    private final StringBuilder lines = new StringBuilder();

    private CapturedLog() {
        super(
                "captured-" + System.nanoTime(),
                null,
                PatternLayout.newBuilder()
                        .withPattern("%-5level %c{1} - %msg%n%throwable")
                        .build(),
                true,
                Property.EMPTY_ARRAY);
    }

    /** Captures from now on. */
    public static CapturedLog capture() {
        CapturedLog log = new CapturedLog();
        log.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(log, null, null);
        context.updateLoggers();
        return log;
    }

    @Override
    public void append(LogEvent event) {
        String line = getLayout().toSerializable(event).toString();
        synchronized (lines) {
            lines.append(line);
        }
    }

    public String text() {
        synchronized (lines) {
            return lines.toString();
        }
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
