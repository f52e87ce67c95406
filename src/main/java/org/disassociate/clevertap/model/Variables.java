package org.disassociate.clevertap.model;

/**
 * The names of the Camel variables that the routes of {@code routes/} and the beans they call hand each other, from
 * step to step ({@code setVariable}, {@code ${variable.<name>}}, {@code variableSend}/{@code variableReceive}, and
 * {@code @Variable} on a bean method's parameter). These are the whole YAML–Java contract besides bodies and Camel's
 * own headers; a test checks that the routes use no other name. Exchange properties are left to Camel.
 */
public final class Variables {

    /**
     * Where a number came from: {@code file:<name>}, {@code rest}, {@code jms}, {@code kamelet} or a kamelet message's
     * {@code CleverTapSource}; its error records carry it.
     */
    public static final String SOURCE = "source";
    /**
     * The intake that took the numbers in ({@code file}, {@code rest}, {@code jms}, {@code kamelet}); unset for a spool
     * file.
     */
    public static final String INTAKE = "intake";
    /**
     * The name of the {@link Account} that the intake named for its numbers (a folder of the inbox, a REST caller's
     * credentials, a JMS message's header, the kamelet's parameters, the account's spool); unset when it named none,
     * and each number then goes to the accounts of its country ({@link Accounts}).
     */
    public static final String ACCOUNT = "account";
    /** The {@link Settlement} of the durable file being read. */
    public static final String SETTLEMENT = "settlement";
    /** The {@link Settlement.Chunk} of that file being validated. */
    public static final String CHUNK = "chunk";
    /** True for a spool file's chunk: its lines were checked before they were spooled. */
    public static final String SPOOLED = "spooled";
    /** Error-channel records on their way to the error channel ({@link ErrorRecord}s). */
    public static final String ERROR_RECORDS = "errorRecords";
    /** What a sub-route answered when only its work counts, not its body (the caller keeps its own). */
    public static final String DONE = "done";
    /** The {@link Batch} being sent. */
    public static final String BATCH = "batch";
    /** The records CleverTap listed as unprocessed in its answer to the batch ({@link ErrorRecord}s). */
    public static final String UNPROCESSED = "unprocessed";
    /** True when the request to CleverTap only validates ({@code dryRun=1}); decided by the {@code dryRuns} bean. */
    public static final String DRY_RUN = "dryRun";
    /** The slot a request to CleverTap holds while in flight (an {@code api.RequestSlot}), given back when it ends. */
    public static final String REQUEST_SLOT = "requestSlot";
    /** The messages of a JMS batch that are refused (not lists of numbers, or naming no account), each with its reason. */
    public static final String REFUSED_MESSAGES = "refusedMessages";
    /** The seconds a REST caller waits for CleverTap's answer ({@code Prefer: wait}); unset when it does not wait. */
    public static final String WAIT_SECONDS = "waitSeconds";
    /** The {@link WaitingRequest} of a REST caller who waits. */
    public static final String WAITING_REQUEST = "waitingRequest";
    /** True when every number of a waiting caller's request was settled within its wait. */
    public static final String SETTLED = "settled";
    /** A dry run (of a REST request, or of the kamelet): its batches and what CleverTap answered to each. */
    public static final String DRY_RUN_REQUEST = "dryRunRequest";
    /** The kamelet's account parameter (a configured account's name), until it names the {@link #ACCOUNT}. */
    public static final String KAMELET_ACCOUNT = "kameletAccount";
    /** The kamelet's accountId parameter, until it names the {@link #ACCOUNT}. */
    public static final String KAMELET_ACCOUNT_ID = "kameletAccountId";
    /** The kamelet's passcode parameter, until it is checked against its account's (then removed). */
    public static final String KAMELET_PASSCODE = "kameletPasscode";
    /** The kamelet's region parameter, for an account its accountId adds. */
    public static final String KAMELET_REGION = "kameletRegion";
    /** What the module answered the kamelet (a SinkAnswer), before it becomes the host's body. */
    public static final String SINK_ANSWER = "sinkAnswer";

    private Variables() {}
}
