package org.disassociate.clevertap.durability;

import java.io.IOException;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/**
 * The beans of durability: the folders checked at start-up, the spool where the message intakes make their numbers
 * durable before they acknowledge them, and the checkpoints of the durable files being read.
 */
public class DurabilityBeans implements CamelConfiguration {

    @PropertyInject("state.dir")
    private String stateDir;

    @PropertyInject("errors.dir")
    private String errorsDir;

    @PropertyInject("errors.uri")
    private String errorsUri;

    @PropertyInject("spool.rotate-ms")
    private long rotateMillis;

    @PropertyInject("spool.segment-numbers")
    private int segmentNumbers;

    @Override
    public void configure(CamelContext camel) throws IOException {
        Registry beans = camel.getRegistry();

        // state.dir and a file error channel's folder, created and checked with a write and an fsync: one that cannot
        // be written stops the start with one line
        WritableFolders folders = new WritableFolders();
        folders.setStateDir(stateDir);
        folders.setErrorsDir(errorsDir);
        folders.setErrorsUri(errorsUri);
        folders.check();
        beans.bind("writableFolders", WritableFolders.class, folders);

        // where REST, JMS and the kamelet make their numbers durable before they acknowledge (state.dir/spool); the
        // files a crash left open are put in place to be read
        Spool spool = new Spool();
        spool.setDir(stateDir + "/spool");
        spool.setRotateMillis(rotateMillis);
        spool.setSegmentNumbers(segmentNumbers);
        spool.recover();
        beans.bind("spool", Spool.class, spool, null, "close");

        // readiness: down while the spool cannot be written, up again at the first write that succeeds
        SpoolHealth health = new SpoolHealth(spool);
        beans.bind("spoolHealth", SpoolHealth.class, health);

        // where each durable file being read (inbox, spool) is settled up to: a run after a crash reads on from there
        FileCheckpoints checkpoints = new FileCheckpoints();
        checkpoints.setDir(stateDir + "/checkpoints");
        beans.bind("fileCheckpoints", FileCheckpoints.class, checkpoints, null, "close");
    }
}
