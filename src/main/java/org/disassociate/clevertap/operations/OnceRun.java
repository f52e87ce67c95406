package org.disassociate.clevertap.operations;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.disassociate.clevertap.batching.Settlements;
import org.disassociate.clevertap.model.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot mode ({@code --once}, or {@code once=true}): works the files in the inbox at start-up (and the spool left by
 * an earlier run), waits until every one of their numbers is settled, logs a summary and stops. Which files: those the
 * first poll of the inbox and of the spool took ({@link InboxPolls}). Its exit status: {@value #DELIVERED} when every
 * number was processed, {@value #SOME_FAILED} when some went to the error channel (or a file could not be read),
 * {@value #NOT_WORKING} when a batch failed as a whole (CleverTap refused the account, or could not be reached after
 * every retry). A configuration error stops the start-up with {@value #NOT_WORKING} too.
 */
public class OnceRun extends MainListenerSupport {

    public static final int DELIVERED = 0;
    public static final int NOT_WORKING = 1;
    public static final int SOME_FAILED = 2;

    private static final Logger LOG = LoggerFactory.getLogger(OnceRun.class);

    private final boolean onceFromCommandLine;
    private final IntConsumer finish;
    private volatile int exitCode = DELIVERED;
    private volatile boolean active;
    private Settlements.Watch watch;

    /**
     * @param onceFromCommandLine whether {@code --once} was given
     * @param finish              stops the runtime with the exit status: Camel Main's and Camel Quarkus' differ
     */
    public OnceRun(boolean onceFromCommandLine, IntConsumer finish) {
        this.onceFromCommandLine = onceFromCommandLine;
        this.finish = finish;
    }

    public boolean isActive() {
        return active;
    }

    public int getExitCode() {
        return exitCode;
    }

    /** Before the routes start: from now on every file picked up is watched. */
    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        active = onceFromCommandLine
                || Boolean.parseBoolean(
                        context.getPropertiesComponent().resolveProperty("once").orElse("false"));
        if (active) {
            watch = context.getRegistry().findSingleByType(Settlements.class).watch();
        }
    }

    @Override
    // the stage whenComplete returns only repeats the outcome that its callback handles itself
    @SuppressWarnings("FutureReturnValueIgnored")
    public void afterStart(BaseMainSupport main) {
        if (!active) {
            return;
        }
        CamelContext context = main.getCamelContext();
        InboxPolls polls = context.getRegistry().findSingleByType(InboxPolls.class);
        // the inbox, and the spool of every account (intake-spool-<name>)
        CompletableFuture.allOf(context.getRoutes().stream()
                        .filter(route -> route.getId().equals("intake-file")
                                || route.getId().startsWith("intake-spool-"))
                        .map(route -> firstPoll(polls, route))
                        .toArray(CompletableFuture[]::new))
                .thenCompose(polled -> {
                    List<Settlement> files = watch.stop();
                    LOG.info("Once: working {} file(s) of the inbox and of the spool; then stopping", files.size());
                    return CompletableFuture.allOf(
                                    files.stream().map(Settlement::done).toArray(CompletableFuture[]::new))
                            .thenApply(done -> files);
                })
                .whenComplete((files, failure) -> {
                    exitCode = failure != null ? NOT_WORKING : exitCode(files);
                    if (failure != null) {
                        LOG.error("Once: {}", failure.getMessage(), failure);
                    }
                    finish.accept(exitCode);
                });
    }

    private static CompletableFuture<Void> firstPoll(InboxPolls polls, Route route) {
        return route == null ? CompletableFuture.completedFuture(null) : polls.firstPoll(route.getEndpoint());
    }

    private static int exitCode(List<Settlement> files) {
        long inbox = 0;
        long unreadable = 0;
        long processed = 0;
        long invalid = 0;
        long failed = 0;
        long inFailedBatches = 0;
        for (Settlement file : files) {
            if (file.getSource().startsWith("file:")) {
                inbox++;
            }
            unreadable += file.getUnreadable() == null ? 0 : 1;
            processed += file.getProcessed();
            invalid += file.getRejected();
            failed += file.getFailed();
            inFailedBatches += file.getFailedInFailedBatches();
        }
        int exitCode = inFailedBatches > 0 ? NOT_WORKING : invalid + failed + unreadable > 0 ? SOME_FAILED : DELIVERED;
        LOG.info(
                "Once: {} file(s) ({} could not be read), {} numbers processed by CleverTap, {} to the error channel "
                        + "({} invalid, {} not processed, {} of them in batches that failed as a whole); exit status {}",
                inbox,
                unreadable,
                processed,
                invalid + failed,
                invalid,
                failed,
                inFailedBatches,
                exitCode);
        return exitCode;
    }
}
