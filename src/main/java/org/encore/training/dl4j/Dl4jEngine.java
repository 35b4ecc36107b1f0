package org.encore.training.dl4j;

import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.training.DenseSolver;
import org.encore.training.Engine;
import org.encore.training.RunControl;
import org.encore.training.RunFolder;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingException;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingPlan;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The DL4J / ND4J engine: trains with {@link Trainer} on networks from {@link NetworkFactory}, loads run folders into
 * {@link Dl4jTrainedModel}s, and solves dense systems with OpenBLAS ({@link Dl4jSolver}). Constructing one loads no
 * native library; the first call that computes does (seconds: call it off the UI thread).
 */
public final class Dl4jEngine implements Engine {
    /** The DL4J release Encore is built against (the pom's dl4j.version). */
    static final String VERSION = "1.0.0-M2.1";

    private final DenseSolver solver = new Dl4jSolver();

    /** "DL4J 1.0.0-M2.1 · ND4J native · CPU, 2 cores · float" (or "ND4J CUDA · GPU name"). */
    @Override
    public String description() {
        String device = device();
        boolean cpu = Devices.CPU.equals(device);
        String backend = cpu ? "native" : "CUDA";
        String where = cpu ? "CPU, " + Runtime.getRuntime().availableProcessors() + " cores" : "GPU " + device;
        return "DL4J " + VERSION + " · ND4J " + backend + " · " + where + " · " + Nd4j.dataType().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String device() {
        return Devices.current();
    }

    @Override
    public TrainedModel train(ModelSpec spec, RatingMatrix matrix, TrainingPlan plan, TrainingListener listener,
                              RunControl control) throws TrainingException {
        return new Trainer(spec, matrix, plan).train(listener, control);
    }

    /** Rebuilds the network from the folder's spec, checks its shapes against the manifest, then sets the parameters. */
    @Override
    public TrainedModel load(Path runDir, Dataset dataset) throws IOException, TrainingException {
        RunFolder.Contents contents = RunFolder.read(runDir, dataset);
        MultiLayerNetwork network = NetworkFactory.build(contents.spec(), contents.width(),
                contents.manifest().split().trainUsers().length);
        Dl4jParameters parameters = Dl4jParameters.of(network);
        RunFolder.checkShapes(contents, parameters.count(), parameters.layerShapes());
        Dl4jParameters.load(contents, network);
        RunFolder.Split split = contents.manifest().split();
        return new Dl4jTrainedModel(contents.spec(), network, contents.width(), contents.plan(), split.trainUsers(),
                split.validationUsers(), contents.history(), contents.manifest().device());
    }

    @Override
    public void checkFits(ModelSpec spec, int width) throws TrainingException {
        Trainer.checkFits(spec, width);
    }

    @Override
    public DenseSolver solver() {
        return solver;
    }

    /**
     * ND4J's backend with its BLAS (one small product) and the solver's LAPACK (a 1 x 1 inversion): every library
     * JavaCPP loads for the native backend, so none loads later beside another thread's {@code dlopen}.
     */
    @Override
    public void loadNativeLibraries() {
        INDArray a = Nd4j.ones(DataType.FLOAT, 2, 2);
        a.mmul(a);
        solver.invertSymmetricPositiveDefinite(new float[]{2f}, 1);
        device();
    }

    /** JavaCPP's count of the process's resident bytes. */
    @Override
    public long processBytes() {
        return Pointer.physicalBytes();
    }
}
