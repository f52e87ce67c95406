package org.disassociate.clevertap;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages as layers, read from the bottom: the records every stage shares ({@code model}); the infrastructure
 * ({@code broker}, and {@code jmsbatch}, a Camel component that knows nothing of this application); the stages a
 * number travels through, none of which knows another; operations and the sandbox; the application on top. docs/architecture.md
 * draws the same picture.
 */
class ArchitectureTest {

    private static final String BASE = "org.disassociate.clevertap";
    /** The stages, each a package (and its sub-packages) that may know the model and the infrastructure only. */
    private static final List<String> STAGES = List.of(
            "intake.file",
            "intake.rest",
            "intake.jms",
            "intake.kamelet",
            "durability",
            "validation",
            "batching",
            "api",
            "errors");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void eachLayerKnowsOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Application")
                .definedBy(BASE)
                .layer("Operations")
                .definedBy(BASE + ".operations..", BASE + ".sandbox..")
                .layer("Stages")
                .definedBy(
                        STAGES.stream().map(stage -> BASE + "." + stage + "..").toArray(String[]::new))
                .layer("Infrastructure")
                .definedBy(BASE + ".broker..", BASE + ".jmsbatch..")
                .layer("Model")
                .definedBy(BASE + ".model..")
                .whereLayer("Application")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Operations")
                .mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Stages")
                .mayOnlyBeAccessedByLayers("Operations", "Application")
                .whereLayer("Infrastructure")
                .mayOnlyBeAccessedByLayers("Stages", "Operations", "Application")
                .whereLayer("Model")
                .mayOnlyBeAccessedByLayers("Infrastructure", "Stages", "Operations", "Application")
                .check(classes);
    }

    @Test
    void noStageKnowsAnother() {
        for (String stage : STAGES) {
            String[] others = STAGES.stream()
                    .filter(other -> !other.equals(stage))
                    .map(other -> BASE + "." + other + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(BASE + "." + stage + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because("a stage takes what it needs from the model; the routes wire the stages together")
                    .check(classes);
        }
    }

    @Test
    void theModelKnowsNothingOfTheApplication() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".model..")
                .should()
                .dependOnClassesThat(ourClassesOutside(BASE + ".model.."))
                .check(classes);
    }

    @Test
    void theJmsBatchComponentIsSelfContained() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".jmsbatch..")
                .should()
                .dependOnClassesThat(ourClassesOutside(BASE + ".jmsbatch.."))
                .because("it is a Camel component of its own, to be deleted the day camel-sjms batches")
                .check(classes);
    }

    /** Classes of this application outside {@code packageIdentifier}. */
    private static DescribedPredicate<JavaClass> ourClassesOutside(String packageIdentifier) {
        return resideInAPackage(BASE + "..")
                .and(not(resideInAPackage(packageIdentifier)))
                .as("are of this application, outside " + packageIdentifier);
    }

    @Test
    void thePackagesFormNoCircle() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(classes);
    }
}
