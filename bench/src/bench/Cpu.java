package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static bench.Report.f1;

/** Where the CPU went: this process's (the producer, the stand-in), the machine's, and how it is scheduled. */
final class Cpu {

    private Cpu() {}

    /** CPU seconds this benchmark's own process has used (the producer, the stand-in). */
    static double benchSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** CPU seconds the whole machine has been busy (every process, the kernel's interrupts too), from /proc/stat. */
    static double machineSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                busy += Long.parseLong(f[i]);
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A process's CPU seconds so far (utime + stime of /proc/PID/stat), or -1 once it has exited. */
    static double processSeconds(long pid) {
        try {
            String text = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Where the CPU of a run went: the application's and this process's seconds, against what the cores offer. */
    static String line(double appCpu, double benchCpu, double seconds) {
        return "CPU: application " + f1(appCpu) + " s, producer and stand-in " + f1(benchCpu) + " s, of "
                + f1(seconds * cores()) + " s on " + cores() + " cores";
    }

    /** "chrt -r P " when this benchmark runs under the real-time round-robin policy (chrt -r P), else "". */
    static String chrtPrefix() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 40 (rt_priority) and 41 (policy) of proc(5), counted from the state, field 3
            return f[38].equals("2") ? "chrt -r " + f[37] + " " : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
