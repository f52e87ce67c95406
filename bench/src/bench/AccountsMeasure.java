package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import static bench.Report.f0;
import static bench.Report.f1;
import static bench.Report.f2;

/**
 * Rows 9a and 9b: a file, a line Indian and a line Singaporean, through one account, then through two accounts chosen
 * by the number's country, each against fresh stand-ins that answer after 100 ms and allow 3 requests at once per
 * account (a stand-in of its own for each account, so that each account's limit counts apart).
 */
final class AccountsMeasure implements Measure {

    /** The first Indian and the first Singaporean number; the Singaporean ones are +65 8xxx xxxx. */
    static final long FIRST_IN = 85_000_000L;

    static final long FIRST_SG = 81_000_000L;

    @Override
    public Map<String, String> names() {
        return Map.of(
                "accounts",
                "rows 9a and 9b: a file of --accounts-numbers numbers, half +91, half +65, through one account,"
                        + " then two accounts by country; 100 ms, 3 at once an account");
    }

    @Override
    public void run(Options options, Set<String> chosen, Report report) throws Exception {
        int count = options.integer("accounts-numbers");
        Path file = write(count);
        // the ceiling: 3 requests of 1,000 numbers an account every 100 ms, 30,000 numbers/s an account
        String numbers = count + " numbers (half +91, half +65, a line each)";
        try {
            double oneRate;
            try (StandIn standIn = StandIn.perAccount(100, 3, Map.of(StandIn.ACCOUNT, StandIn.PASSCODE))) {
                double seconds = FileRun.measure(standIn, file, Map.of("CLEVERTAP_MAX_IN_FLIGHT", "3"))
                        .seconds();
                oneRate = count / seconds;
                report.row(
                        "9a. accounts: one account (100 ms, 3 at once an account)",
                        numbers + " in " + f1(seconds) + " s",
                        f0(oneRate) + " numbers/s = " + f0(100 * oneRate / 30_000) + "% of 30,000/s",
                        check(standIn, file, n -> StandIn.ACCOUNT, "every number at " + StandIn.ACCOUNT));
            }
            try (StandIn standIn = StandIn.perAccount(
                    100,
                    3,
                    Map.of(
                            FileRun.accountId("india"),
                            FileRun.passcode("india"),
                            FileRun.accountId("sea"),
                            FileRun.passcode("sea")))) {
                Map<String, String> env = FileRun.noDefaultAccount();
                env.put("CLEVERTAP_ACCOUNTS", "india,sea");
                env.putAll(FileRun.accountEnv("india", "in1", "IN", standIn));
                env.putAll(FileRun.accountEnv("sea", "sg1", "SG", standIn));
                env.put("CLEVERTAP_ACCOUNTS_INDIA_MAX_IN_FLIGHT", "3");
                env.put("CLEVERTAP_ACCOUNTS_SEA_MAX_IN_FLIGHT", "3");
                String row =
                        "9b. accounts: two accounts by country, IN and SG, no default (100 ms, 3 at once an account)";
                FileRun run = FileRun.measureOrRefused(row, standIn, file, env);
                if (run.failed()) {
                    report.row(row, "failed", run.refusal(), "");
                } else {
                    double rate = count / run.seconds();
                    report.row(
                            row,
                            numbers + " in " + f1(run.seconds()) + " s",
                            f0(rate) + " numbers/s = " + f0(100 * rate / 60_000) + "% of 60,000/s; 9b / 9a = "
                                    + f2(rate / oneRate),
                            check(
                                    standIn,
                                    file,
                                    n -> n.startsWith("+91") ? FileRun.accountId("india") : FileRun.accountId("sea"),
                                    "every number at the account of its country"));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** {@code count} numbers, a line Indian and a line Singaporean, each one libphonenumber takes as valid there. */
    private static Path write(int count) throws Exception {
        Path file = Files.createTempFile("bench-accounts", ".txt");
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                String number = i % 2 == 0
                        ? String.format("+9198%08d", FIRST_IN + i / 2)
                        : String.format("+65%08d", FIRST_SG + i / 2);
                // the service refuses a number libphonenumber does not take: then this measure would measure less
                var parsed = util.parse(number, "ZZ");
                if (!util.isValidNumber(parsed)
                        || !(i % 2 == 0 ? "IN" : "SG").equals(util.getRegionCodeForNumber(parsed))) {
                    throw new IllegalStateException(number + " is not a valid number of " + (i % 2 == 0 ? "IN" : "SG")
                            + " for libphonenumber: use fewer --accounts-numbers");
                }
                out.write(number + "\n");
            }
        }
        return file;
    }

    /**
     * 429s; per account the numbers received and the most requests at once (429s included); whether every number of
     * the file reached the stand-in under the account {@code expected} names, and only once ({@code allThere} says so).
     */
    private static String check(StandIn standIn, Path file, Function<String, String> expected, String allThere)
            throws IOException {
        long missing = 0;
        long wrong = 0;
        for (String number : Files.readAllLines(file)) {
            String account = standIn.accountOf.get(number);
            if (account == null) {
                missing++;
            } else if (!account.equals(expected.apply(number))) {
                wrong++;
            }
        }
        long twice = standIn.values.get() - standIn.receivedAt.size();
        return standIn.refused() + " answered 429; " + String.join("; ", standIn.perAccountLines()) + "; "
                + (missing == 0 && wrong == 0 && twice == 0
                        ? allThere + ", none twice"
                        : missing + " not at the stand-in, " + wrong + " at another account, " + twice + " sent twice");
    }
}
