package bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The benchmark's options: each written down here once, with its default and what it is for; {@code --help} prints them. */
final class Options {

    /** An option {@code --name value}: its default and what it is for. */
    record Option(String name, String defaultValue, String help) {}

    static final List<Option> ALL = List.of(
            new Option(
                    "only",
                    "file,floor,latency,messages,jms,crash,memory,startup",
                    "the measures to run; they run in the order of the list below, whatever the order given"),
            new Option("numbers", "1000000", "file, floor, pairs: numbers in the file"),
            new Option("pairs", "3", "pairs: alternating runs of file and floor"),
            new Option(
                    "warm",
                    "false",
                    "pairs: true: each side's JVM works the file once before the run measured, as a long-running instance has"),
            new Option("latency-numbers", "300000", "latency: numbers in the file"),
            new Option("accounts-numbers", "300000", "accounts: numbers in the file, half Indian, half Singaporean"),
            new Option("messages", "100000", "messages: single-number REST requests"),
            new Option(
                    "prefer-wait",
                    "0",
                    "messages: each request sends Prefer: wait=N and expects a 200 (0: none waits)"),
            new Option(
                    "rest-clients",
                    String.valueOf(Integer.getInteger("bench.rest-clients", 16)),
                    "messages: client threads"),
            new Option("wrk-threads", "2", "rest-wrk: wrk's threads"),
            new Option("wrk-connections", "64", "rest-wrk: wrk's connections"),
            new Option("wrk-seconds", "20", "rest-wrk: seconds of the run measured"),
            new Option("wrk-warmup", "0", "rest-wrk: seconds of wrk before the run measured, not measured"),
            new Option(
                    "wrk-numbers",
                    "1",
                    "rest-wrk: numbers a request (1 is the measure; more to compare bigger requests)"),
            new Option("jms-messages", "100000", "jms: one-number persistent messages"),
            new Option("fleet-numbers", "240000", "fleet: numbers sent to the queue, in messages of 1,000"),
            new Option("fleet-instances", "1,2,3", "fleet: the fleets' sizes, measured one after the other"),
            new Option(
                    "fleet-warmup",
                    "0",
                    "fleet: each fleet first works N numbers of another range, not counted (a long-running fleet"
                            + " is warm: its JIT has compiled the path), then the stand-in forgets them; the row then says \"warm\""),
            new Option("crash-numbers", "60000", "crash: numbers in the file"),
            new Option("kills", "3", "crash: times the service is killed with SIGKILL"),
            new Option("lines", "10000000", "memory, memory-accounts: numbers in the file"));

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** {@code --name value} pairs; an option not declared in {@link #ALL}, or one without a value, is refused. */
    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        ALL.forEach(option -> values.put(option.name(), option.defaultValue()));
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!args[i].startsWith("--") || !values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + " (bench/run --help lists them)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(name, args[i + 1]);
        }
        return new Options(values);
    }

    int integer(String name) {
        return Integer.parseInt(string(name).trim());
    }

    boolean bool(String name) {
        return Boolean.parseBoolean(string(name).trim());
    }

    int[] integers(String name) {
        return Arrays.stream(string(name).split(","))
                .mapToInt(n -> Integer.parseInt(n.trim()))
                .toArray();
    }

    /** The measures chosen with {@code --only}. */
    Set<String> only() {
        Set<String> only = new TreeSet<>();
        for (String name : string("only").split(",")) {
            only.add(name.trim());
        }
        return only;
    }

    String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no option --" + name);
        }
        return value;
    }

    /** The text of {@code --help}: the options, the measures and the environment. */
    static String help(List<Measure> measures) {
        StringBuilder out = new StringBuilder("""
                Usage: bench/run [--option value]...   (from the project root; builds the application first)

                Starts the packaged Camel Main application in scratch folders against a stand-in of CleverTap's
                Disassociate API on loopback (the tests' CleverTapStandIn) and prints a line per run and a table.
                The method and the latest figures: bench/README.md.

                Options:
                """);
        for (Option option : ALL) {
            String value = option.name().equals("warm")
                    ? "true"
                    : option.name().equals("only") || option.name().equals("fleet-instances") ? "a,b" : "N";
            out.append(entry(
                    "--" + option.name() + " " + value, option.help() + " (default " + option.defaultValue() + ")"));
        }
        out.append("\nMeasures (--only), in the order they run:\n");
        for (Measure measure : measures) {
            for (Map.Entry<String, String> entry : measure.names().entrySet()) {
                out.append(entry(entry.getKey(), entry.getValue()));
            }
        }
        out.append("\nEnvironment:\n");
        out.append(entry(
                "BENCH_APP_LOG=INFO",
                "the application's log level (default WARN); its log is app.log in the scratch folder"));
        out.append(entry(
                "BENCH_APP_JVM=\"...\"",
                "extra JVM options for the application, e.g."
                        + " \"-XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile\" for a profile"));
        out.append(entry(
                "BENCH_TRACE=/path/pre",
                "fleet writes <pre>-<instances>.txt, a line per request the stand-in answered:"
                        + " arrival and end in ms since the first send, numbers, status, account"));
        out.append(entry(
                "BENCH_JAVA_OPTS=\"...\"",
                "bench/run: JVM options for the benchmark's own JVM, e.g."
                        + " -Dbench.wrk-missing-shown=20 (rest-wrk: missing numbers shown)"));
        out.append(entry(
                "BENCH_NO_BUILD=1",
                "bench/run: measures the jar and test classes already in target/, without building them"));
        return out.toString();
    }

    /** A line of --help: the name in a column of its own, the text after it wrapped at 110 characters. */
    private static String entry(String name, String text) {
        String indent = " ".repeat(25);
        StringBuilder out = new StringBuilder(String.format("  %-22s", name));
        if (name.length() > 22) {
            out.append('\n').append(indent);
        } else {
            out.append(' ');
        }
        int column = indent.length();
        for (String word : text.split(" ")) {
            if (column > indent.length() && column + 1 + word.length() > 110) {
                out.append('\n').append(indent);
                column = indent.length();
            } else if (column > indent.length()) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.append('\n').toString();
    }
}
