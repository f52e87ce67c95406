package org.disassociate.clevertap.operations;

import java.util.List;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * The one-shot mode on Camel Quarkus ({@code java -jar quarkus-run.jar --once}, or {@code once=true}): the same
 * {@link OnceRun} as on Camel Main, ended by Quarkus with its exit status. Camel Quarkus takes a main listener from
 * CDI; without {@link Unremovable} Quarkus would drop it as a bean nothing injects.
 */
@ApplicationScoped
@Unremovable
public class QuarkusOnceRun extends MainListenerSupport {

    private final OnceRun once;

    @Inject
    public QuarkusOnceRun(@CommandLineArguments String[] args) {
        this.once = new OnceRun(List.of(args).contains("--once"), Quarkus::asyncExit);
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        once.afterConfigure(main);
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        once.afterStart(main);
    }
}
