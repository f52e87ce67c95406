package org.disassociate.clevertap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot mode ({@code --once}, or {@code once=true}): works the files in the inbox at start-up (and the spool left by
 * an earlier run), waits until every one of their numbers is settled, prints a summary and stops. Its exit status:
 * {@value #DELIVERED} when every number was processed, {@value #SOME_FAILED} when some went to the error channel (or a
 * file could not be read), {@value #NOT_WORKING} when a batch failed as a whole (CleverTap refused the account, or could
 * not be reached after every retry). A configuration error stops the start-up with {@value #NOT_WORKING} too.
 */
public class OnceRun extends MainListenerSupport {

    public static final int DELIVERED = 0;
    public static final int NOT_WORKING = 1;
    public static final int SOME_FAILED = 2;

    private static final Logger LOG = LoggerFactory.getLogger(OnceRun.class);
    private static final long POLL_MS = 200;

    private final boolean onceFromCommandLine;
    private volatile int exitCode = DELIVERED;
    private volatile boolean active;

    public OnceRun(boolean onceFromCommandLine) {
        this.onceFromCommandLine = onceFromCommandLine;
    }

    public boolean isActive() {
        return active;
    }

    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        active = onceFromCommandLine
                || Boolean.parseBoolean(context.getPropertiesComponent().resolveProperty("once").orElse("false"));
        if (!active) {
            return;
        }
        Thread waiter = new Thread(() -> workInboxThenStop(context, (MainSupport) main), "once-run");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void workInboxThenStop(CamelContext context, MainSupport main) {
        try {
            Folder inbox = Folder.of(context.getRoute("intake-file"));
            Folder spool = Folder.of(context.getRoute("intake-spool"));
            List<String> files = inbox.files();
            LOG.info("Once: working {} file(s) of {}, and {} spool file(s) of an earlier run; then stopping",
                    files.size(), inbox.dir, spool.files().size());
            ServiceMetrics metrics = context.getRegistry().lookupByNameAndType(ServiceMetrics.BEAN_NAME, ServiceMetrics.class);
            while (!context.isStopping() && !context.isStopped()) {
                boolean inboxDone = inbox.files().stream().noneMatch(files::contains);
                if (inboxDone && spool.files().isEmpty() && metrics.getPending() == 0 && metrics.getOpenBatches() == 0) {
                    break;
                }
                Thread.sleep(POLL_MS);
            }
            long unreadable = inbox.dir == null ? 0
                    : files.stream().filter(f -> Files.exists(inbox.dir.resolve(".failed").resolve(f))).count();
            exitCode = metrics.getBatchesFailed() > 0 ? NOT_WORKING
                    : metrics.getFailed() + metrics.getInvalid() + unreadable > 0 ? SOME_FAILED : DELIVERED;
            LOG.info("Once: {} file(s) ({} could not be read), {} numbers processed by CleverTap, {} to the error channel "
                     + "({} invalid, {} not processed, {} batch(es) failed as a whole); exit status {}",
                    files.size(), unreadable, metrics.getProcessed(), metrics.getInvalid() + metrics.getFailed(),
                    metrics.getInvalid(), metrics.getFailed(), metrics.getBatchesFailed(), exitCode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = NOT_WORKING;
        } catch (RuntimeException e) {
            LOG.error("Once: {}", e.getMessage(), e);
            exitCode = NOT_WORKING;
        }
        main.completed();
    }

    /** A folder a file consumer reads, and the files in it that it would take. */
    private record Folder(Path dir, Pattern exclude) {

        static Folder of(Route route) {
            if (route == null || !(route.getEndpoint() instanceof GenericFileEndpoint<?>)) {
                return new Folder(null, null);
            }
            GenericFileEndpoint<?> endpoint = (GenericFileEndpoint<?>) route.getEndpoint();
            String exclude = endpoint.getExclude();
            File dir = new File(endpoint.getConfiguration().getDirectory());
            return new Folder(dir.toPath(), exclude == null ? null : Pattern.compile(exclude));
        }

        List<String> files() {
            if (dir == null || !Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                        .filter(name -> !name.startsWith(".") && !name.endsWith(".camelLock"))
                        .filter(name -> exclude == null || !exclude.matcher(name).matches()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
