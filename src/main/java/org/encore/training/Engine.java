package org.encore.training;

import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What trains and runs models: the one seam between Encore and a numerical library. The front ends, the evaluator
 * and the baselines see only this interface; {@code org.encore.training.dl4j.Dl4jEngine} is the implementation
 * today (docs/DESIGN.md, "Seams"). Creating an engine loads nothing; the first call that computes does.
 */
public interface Engine {
    /** The library and backend, e.g. "DL4J 1.0.0-M2.1 on nd4j-native · CPU, 2 cores · float". */
    String description();

    /** "CPU", or the GPU's name. */
    String device();

    /**
     * Trains {@code spec} on {@code plan}'s rows of {@code matrix}: every epoch unless cancelled through
     * {@code control} or stopped early ({@code spec.training().patience()}), reporting to {@code listener} (whose
     * {@link TrainingListener#runFinished} says which). Refuses an invalid spec, an empty side of the plan, a plan
     * row outside the matrix, or a run that does not fit in memory ({@link #checkFits}).
     */
    TrainedModel train(ModelSpec spec, RatingMatrix matrix, TrainingPlan plan, TrainingListener listener,
                       RunControl control) throws TrainingException;

    /** Loads a run folder saved by {@link TrainedModel#save}; refuses (with the reason) one that does not match. */
    TrainedModel load(Path runDir, Dataset dataset) throws IOException, TrainingException;

    /**
     * Whether training {@code spec} at {@code width} movie columns fits this process's memory limits now; throws
     * with the figures when it does not (the same check {@link #train} makes first).
     */
    void checkFits(ModelSpec spec, int width) throws TrainingException;

    /** Dense linear algebra for closed-form models (EASE). */
    DenseSolver solver();

    /** Resident memory of the whole process: heap plus the engine's native arrays and libraries. */
    long processBytes();

    /**
     * Loads and initialises every native library the engine computes with, on the calling thread, and returns when
     * they are loaded (seconds the first time). A front end with native libraries of its own (JavaFX, GTK) calls it
     * before starting them: glibc's loader can deadlock two threads that load libraries at the same moment when one
     * of them calls {@code dlopen} inside {@code dl_iterate_phdr}, as JavaCPP's {@code Loader.addressof} does (seen
     * here: the workbench hung for good while ND4J loaded OpenBLAS on a background thread and JavaFX loaded
     * {@code libdecora_sse} on its render thread; LWJGL/lwjgl3#1148 is the same pattern). An engine without native
     * libraries has nothing to do.
     */
    default void loadNativeLibraries() {
    }
}
