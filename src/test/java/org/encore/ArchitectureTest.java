package org.encore;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The house rules of docs/DESIGN.md ("Layers and seams"), checked on the compiled classes rather than on import lines. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.encore");

    @Test
    void onlyTheAppPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.encore.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("the model side runs and is tested headless and from the command line")
                .check(MAIN);
    }

    @Test
    void onlyTheDl4jEngineUsesDl4jNd4jOrJavaCpp() {
        noClasses().that().resideOutsideOfPackage("org.encore.training.dl4j..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.bytedeco..")
                .because("everything else sees the engine through org.encore.training.Engine")
                .check(MAIN);
    }

    @Test
    void onlyTheCompositionRootsChooseTheEngine() {
        noClasses().that().resideOutsideOfPackage("org.encore.training.dl4j..")
                .and().doNotHaveFullyQualifiedName("org.encore.app.EncoreApp")
                .and().doNotHaveFullyQualifiedName("org.encore.cli.Main")
                .should().dependOnClassesThat().resideInAPackage("org.encore.training.dl4j..")
                .because("view models, commands and the evaluator receive an Engine")
                .check(MAIN);
    }

    @Test
    void dataDependsOnNoOtherEncorePackage() {
        noClasses().that().resideInAPackage("org.encore.data..")
                .should().dependOnClassesThat().resideInAnyPackage("org.encore.model..", "org.encore.training..",
                        "org.encore.recommend..", "org.encore.evaluation..", "org.encore.cli..", "org.encore.app..")
                .check(MAIN);
    }

    @Test
    void theCommandLineIsUsedOnlyByTheLauncher() {
        noClasses().that().resideOutsideOfPackage("org.encore.cli..")
                .and().doNotHaveFullyQualifiedName("org.encore.app.Launcher")
                .should().dependOnClassesThat().resideInAPackage("org.encore.cli..")
                .check(MAIN);
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("data").definedBy("org.encore.data..")
                .layer("model").definedBy("org.encore.model..")
                .layer("training").definedBy("org.encore.training..")
                .layer("recommend").definedBy("org.encore.recommend..")
                .layer("evaluation").definedBy("org.encore.evaluation..")
                .layer("cli").definedBy("org.encore.cli..")
                .layer("app").definedBy("org.encore.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("evaluation").mayOnlyBeAccessedByLayers("cli", "app")
                .whereLayer("recommend").mayOnlyBeAccessedByLayers("evaluation", "cli", "app")
                .whereLayer("training").mayOnlyBeAccessedByLayers("recommend", "evaluation", "cli", "app")
                .whereLayer("model").mayOnlyBeAccessedByLayers("training", "recommend", "evaluation", "cli", "app")
                .whereLayer("data").mayOnlyBeAccessedByLayers("model", "training", "recommend", "evaluation", "cli", "app")
                .check(MAIN);
    }

    @Test
    void thereIsNoModuleInfo() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("module-info.java")),
                    "DL4J is not modular: Encore runs on the class path");
        }
    }
}
