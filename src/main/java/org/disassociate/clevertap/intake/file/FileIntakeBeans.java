package org.disassociate.clevertap.intake.file;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.disassociate.clevertap.model.Accounts;

/** The beans of the inbox's routes: a file's lines in chunks, and the account a folder of the inbox names. */
public class FileIntakeBeans implements CamelConfiguration {

    @BeanInject
    private Accounts accounts;

    @PropertyInject("clevertap.batch-size")
    private int batchSize;

    @Override
    public void configure(CamelContext camel) {
        Registry beans = camel.getRegistry();

        PhoneListReader reader = new PhoneListReader();
        reader.setBatchSize(batchSize);
        beans.bind("phoneListReader", PhoneListReader.class, reader);

        // the account a folder of the inbox names (inbox/<name>/)
        InboxFolders folders = new InboxFolders();
        folders.setAccounts(accounts);
        beans.bind("inboxFolders", InboxFolders.class, folders);
    }
}
