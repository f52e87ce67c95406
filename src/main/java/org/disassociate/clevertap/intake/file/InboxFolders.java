package org.disassociate.clevertap.intake.file;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.disassociate.clevertap.model.Accounts;

/**
 * The account a file of the inbox names by its folder: {@code inbox/<name>/export.txt} goes to the account
 * {@code <name>} whatever its numbers' countries; a file in the inbox itself names none.
 */
public class InboxFolders {

    private Accounts accounts;

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account's name, or null; a folder that names no account fails the file (to .failed/, saying so). */
    public String accountOf(@Header(Exchange.FILE_NAME) String fileName) {
        int slash = fileName == null ? -1 : fileName.replace('\\', '/').indexOf('/');
        if (slash < 0) {
            return null;
        }
        String folder = fileName.substring(0, slash);
        return accounts.named(folder)
                .map(account -> account.name())
                .orElseThrow(() -> new UnreadableFileException(
                        "its folder " + folder + "/ names no account of clevertap.accounts ("
                                + String.join(
                                        ", ",
                                        accounts.all().stream()
                                                .map(account -> account.name())
                                                .toList()) + ")"));
    }
}
