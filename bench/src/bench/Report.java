package bench;

import java.util.ArrayList;
import java.util.List;

/** The rows measured: each printed as it comes, and all of them as a table at the end. */
final class Report {

    private final List<String[]> rows = new ArrayList<>();

    /** A row: the measure, the run, its result, and what it is held against. */
    void row(String... cells) {
        rows.add(cells);
        System.out.println(String.join("  |  ", cells));
    }

    void printTable() {
        System.out.println();
        System.out.println("| measure | run | result | against |");
        System.out.println("|---|---|---|---|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }

    static String f0(double v) {
        return String.format("%,.0f", v);
    }

    static String f1(double v) {
        return String.format("%.1f", v);
    }

    static String f2(double v) {
        return String.format("%.2f", v);
    }

    /** Microseconds, as milliseconds with one decimal. */
    static String ms(String micros) {
        return f1(Long.parseLong(micros) / 1000.0);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
