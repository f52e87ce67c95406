package bench;

import java.util.Map;
import java.util.Set;

/** One measure, or a few that share their work (a file, a stand-in): each adds its rows to the report. */
interface Measure {

    /** The names {@code --only} takes, each with a line of what it measures, for {@code --help}. */
    Map<String, String> names();

    /** Runs the measures of {@link #names()} that {@code chosen} holds. */
    void run(Options options, Set<String> chosen, Report report) throws Exception;
}
