package org.encore.training.dl4j;

import org.bytedeco.javacpp.Loader;
import org.encore.data.RatingMatrix;
import org.encore.testutil.TinyData;
import org.encore.training.TrainingPlan;

import java.util.Set;
import java.util.TreeSet;

/**
 * Run in a fresh JVM by {@link NativeLibrariesTest}: loads the engine's native libraries, then trains a tiny model
 * and inverts a matrix as EASE does, and prints "after warm-up: ..." and "loaded later: ..." (JavaCPP's loaded
 * libraries), so the test can see whether anything loaded after {@link Dl4jEngine#loadNativeLibraries}.
 */
public final class NativeLibrariesProbe {
    private NativeLibrariesProbe() {
    }

    public static void main(String[] args) throws Exception {
        Dl4jEngine engine = new Dl4jEngine();
        engine.loadNativeLibraries();
        Set<String> warm = new TreeSet<>(Loader.getLoadedLibraries().keySet());
        RatingMatrix matrix = TinyData.fourGroupMatrix(40, 20, 3);
        engine.train(TinyData.smallSpec().withTraining(t -> t.epochs(1)), matrix,
                new TrainingPlan(new int[]{0, 1, 2, 3, 4, 5, 6, 7}, new int[]{8, 9}), null, null);
        engine.solver().invertSymmetricPositiveDefinite(new float[]{2f, 1f, 1f, 2f}, 2);
        Set<String> later = new TreeSet<>(Loader.getLoadedLibraries().keySet());
        later.removeAll(warm);
        System.out.println("after warm-up: " + warm);
        System.out.println("loaded later: " + later);
    }
}
