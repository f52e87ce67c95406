package org.disassociate.clevertap.intake.jms;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.disassociate.clevertap.jmsbatch.ReceivedMessage;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.AccountInput;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Identity;
import org.disassociate.clevertap.model.Passcode;
import org.disassociate.clevertap.model.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JMS message as numbers: one, one a line, or CleverTap's JSON body; anything else is poison, refused with a reason. */
class JmsMessageReaderTest {

    private final CamelContext context = new DefaultCamelContext();
    private final JmsMessageReader reader = new JmsMessageReader();

    @AfterEach
    void closeContext() throws Exception {
        context.close();
    }

    @Test
    void aMessageOfOneNumberIsThatNumber() {
        assertEquals(List.of("+919860012345"), reader.read("  +919860012345\n"));
    }

    @Test
    void numbersOneALineSkipBlankAndCommentLines() {
        assertEquals(
                List.of("+919860012345", "09860012346", "+91 98600 12347"),
                reader.read("+919860012345\n\n# from the CRM export\r\n  09860012346  \r\n   \n+91 98600 12347"));
    }

    @Test
    void cleverTapsJsonBodyIsReadAsItsIdentities() {
        List<?> numbers = reader.read("{\"d\":[{\"type\":\"phone\",\"value\":\"+919860012345\"},"
                + "{\"type\":\"email\",\"value\":\"a@example.com\"}]}");

        assertEquals(
                List.of(Identity.phone("+919860012345"), new Identity("email", "a@example.com")),
                numbers,
                "each record is kept to be checked: the email is refused by validation, with its reason");
    }

    @Test
    void aBytesMessageIsReadAsUtf8() {
        String text = "+९१ ९८६००१२३४५\n+919860012346";

        assertEquals(List.of("+९१ ९८६००१२३४५", "+919860012346"), reader.read(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmptyMessageIsPoison() {
        assertEquals("an empty message holds no numbers", poison(""));
        assertEquals("an empty message holds no numbers", poison(" \n\r\n "));
        assertEquals("an empty message holds no numbers", poison(new byte[0]));
    }

    @Test
    void aMessageOfOnlyCommentsIsPoison() {
        assertEquals("the message has only comment lines", poison("# numbers follow\n\n# none did"));
    }

    @Test
    void aBinaryMessageIsPoison() {
        assertEquals("a binary message, not text", poison(new byte[] {'+', '9', '1', 0, 7, 0}));
        assertEquals("a binary message, not text", poison("+9198600\u000012345"));
    }

    @Test
    void aMessageOfAKindWithoutTextIsPoison() {
        assertEquals(
                "a MapMessage, not text: send a TextMessage or a BytesMessage",
                poison(new ReceivedMessage.OtherKind("MapMessage")));
        assertEquals("a message without a body, not text: send a TextMessage or a BytesMessage", poison(null));
        assertEquals("a Integer message, not text: send a TextMessage or a BytesMessage", poison(42));
    }

    @Test
    void jsonThatIsNotCleverTapsBodyIsPoisonSayingWhy() {
        assertTrue(poison("{\"d\": [").startsWith("malformed JSON"), "a broken JSON");
        assertTrue(poison("{\"data\": []}").startsWith("no \"d\" array"), "no d array");
        assertTrue(poison("[\"+919860012345\"]").contains("the body must be"), "a bare array");
    }

    @Test
    void aBatchKeepsTheNumbersOfItsGoodMessagesAndSetsTheOthersAside() {
        Exchange exchange = new DefaultExchange(context);
        List<ReceivedMessage> messages = List.of(
                new ReceivedMessage("ID:1", "+919860012345\n+919860012346"),
                new ReceivedMessage("ID:2", new ReceivedMessage.OtherKind("ObjectMessage")),
                new ReceivedMessage("ID:3", "+919860012347".getBytes(StandardCharsets.UTF_8)),
                new ReceivedMessage("ID:4", "# nothing"),
                new ReceivedMessage("ID:5", "{\"d\":[{\"type\":\"phone\",\"value\":\"+919860012348\"}]}"));

        List<Object> numbers = reader.readBatch(messages, exchange);

        assertEquals(
                List.of("+919860012345", "+919860012346", "+919860012347", Identity.phone("+919860012348")), numbers);
        List<JmsMessageReader.RefusedMessage> refused = refused(exchange);
        assertEquals(
                List.of("ID:2", "ID:4"),
                refused.stream().map(JmsMessageReader.RefusedMessage::id).toList());
        assertEquals(
                "not a list of numbers: a ObjectMessage, not text: send a TextMessage or a BytesMessage",
                refused.get(0).reason());
        assertEquals(
                "not a list of numbers: the message has only comment lines",
                refused.get(1).reason());
        assertEquals("# nothing", refused.get(1).body(), "the raw body goes to the error channel");
    }

    @Test
    void aBatchOfGoodMessagesRefusesNone() {
        Exchange exchange = new DefaultExchange(context);

        List<Object> numbers = reader.readBatch(List.of(new ReceivedMessage("ID:1", "+919860012345")), exchange);

        assertEquals(List.of("+919860012345"), numbers);
        assertEquals(List.of(), refused(exchange), "an empty list, which the route's filter reads the size of");
    }

    @Test
    void aMessageThatNamesItsAccountMarksEachOfItsNumbersWithIt() {
        reader.setAccounts(accounts());
        Exchange exchange = new DefaultExchange(context);
        List<ReceivedMessage> messages = List.of(
                new ReceivedMessage("ID:1", "+919860012345\n+919860012346", Map.of("CleverTapAccount", "sea")),
                new ReceivedMessage("ID:2", "+919860012347"),
                new ReceivedMessage(
                        "ID:3",
                        "{\"d\":[{\"type\":\"phone\",\"value\":\"+919860012348\"}]}",
                        Map.of("CleverTapAccount", " SEA-ID ")));

        List<Object> numbers = reader.readBatch(messages, exchange);

        assertEquals(
                List.of(
                        new AccountInput("+919860012345", "sea"),
                        new AccountInput("+919860012346", "sea"),
                        "+919860012347",
                        new AccountInput(Identity.phone("+919860012348"), "sea")),
                numbers,
                "by the account's name, or its account id; a message without the header names none");
        assertEquals(List.of(), refused(exchange));
    }

    @Test
    void aMessageThatNamesNoConfiguredAccountIsRefusedSayingWhatItNamed() {
        reader.setAccounts(accounts());
        Exchange exchange = new DefaultExchange(context);
        List<ReceivedMessage> messages = List.of(
                new ReceivedMessage("ID:1", "+919860012345", Map.of("CleverTapAccount", "europe")),
                new ReceivedMessage("ID:2", "+919860012346", Map.of("CleverTapAccount", "sea")));

        List<Object> numbers = reader.readBatch(messages, exchange);

        assertEquals(List.of(new AccountInput("+919860012346", "sea")), numbers, "the others of the batch go on");
        List<JmsMessageReader.RefusedMessage> refused = refused(exchange);
        assertEquals(
                List.of("ID:1"),
                refused.stream().map(JmsMessageReader.RefusedMessage::id).toList());
        assertEquals(
                "CleverTapAccount 'europe' names no account of this service (give an account's name or account id)",
                refused.get(0).reason());
        assertEquals("+919860012345", refused.get(0).body(), "the raw body goes to the error channel");
    }

    private static Accounts accounts() {
        Accounts accounts = new Accounts();
        accounts.add(new Account(
                "sea",
                "SEA-ID",
                new Passcode("p"),
                "sg1",
                "https://sg1.api.clevertap.com",
                Set.of("SG"),
                false,
                3,
                0,
                "SG",
                false));
        return accounts;
    }

    private String poison(Object body) {
        return assertThrows(PoisonMessageException.class, () -> reader.read(body))
                .getMessage();
    }

    @SuppressWarnings("unchecked")
    private static List<JmsMessageReader.RefusedMessage> refused(Exchange exchange) {
        return (List<JmsMessageReader.RefusedMessage>) exchange.getVariable(Variables.REFUSED_MESSAGES);
    }
}
