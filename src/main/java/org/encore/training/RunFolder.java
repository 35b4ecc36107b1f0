package org.encore.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.AtomicFiles;
import org.encore.data.Dataset;
import org.encore.model.ModelSpec;
import org.encore.model.SpecError;
import org.encore.model.SpecFiles;
import org.encore.model.SpecValidator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The on-disk form of a {@link TrainedModel}: a folder holding
 * <ul>
 *   <li>{@code spec.json} - our own spec JSON (type names, never class names);</li>
 *   <li>{@code params.f32} - every parameter as raw little-endian float32, in DL4J's flattened order;</li>
 *   <li>{@code history.json} and {@code history.csv} - one row per epoch;</li>
 *   <li>{@code manifest.json} - written last: format version, the parameter count, layer shapes and SHA-256
 *       of the parameters, the dataset identity, the split (user ids, fractions, seed) and the device.</li>
 * </ul>
 * Loading rebuilds the network from the spec and then sets the parameters; it never deserialises DL4J
 * configuration JSON or Java objects from the folder.
 */
final class RunFolder {
    static final String FORMAT = "encore-run";
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String SPEC = "spec.json";
    static final String PARAMS = "params.f32";
    static final String HISTORY_JSON = "history.json";
    static final String HISTORY_CSV = "history.csv";
    private static final int CHUNK_FLOATS = 1 << 20;

    private RunFolder() {
    }

    /** The manifest as stored; plain values only. */
    record Manifest(String format, int version, String model, int width, long parameters, List<long[]> layerShapes,
                    String paramsFile, String paramsSha256, DatasetIdentity dataset, Split split, String device,
                    String savedAt) {
    }

    /** The users a run trained and validated on, and how they were drawn. */
    record Split(long seed, double usersFraction, double validationFraction, int[] trainUsers, int[] validationUsers) {
    }

    static void save(TrainedModel model, Path runDir, Dataset dataset) throws IOException {
        MultiLayerNetwork network = model.network();
        if (dataset.ratings().movieCount() != model.width()) {
            throw new IOException("cannot save: the model has " + model.width() + " movie columns but dataset "
                    + dataset.release() + " has " + dataset.ratings().movieCount());
        }
        Files.createDirectories(runDir);
        ObjectMapper mapper = SpecFiles.mapper();
        INDArray params = network.params();
        MessageDigest digest = sha256();
        AtomicFiles.write(runDir.resolve(PARAMS), out -> writeParams(params, new DigestOutputStream(out, digest)));
        String paramsHash = HexFormat.of().formatHex(digest.digest());
        SpecFiles.write(runDir.resolve(SPEC), model.spec());
        AtomicFiles.writeString(runDir.resolve(HISTORY_JSON), mapper.writeValueAsString(model.history()) + "\n");
        AtomicFiles.writeString(runDir.resolve(HISTORY_CSV), HistoryCsv.format(model.history()));
        ModelSpec spec = model.spec();
        Manifest manifest = new Manifest(FORMAT, VERSION, spec.name(), model.width(), network.numParams(),
                layerShapes(network), PARAMS, paramsHash, DatasetIdentity.of(dataset),
                new Split(spec.seed(), spec.usersFraction(), spec.validationFraction(), model.trainUserIds(), model.validationUserIds()),
                model.device(), Instant.now().toString());
        AtomicFiles.writeString(runDir.resolve(MANIFEST), mapper.writeValueAsString(manifest) + "\n");
    }

    static TrainedModel load(Path runDir, Dataset dataset) throws IOException, TrainingException {
        ObjectMapper mapper = SpecFiles.mapper();
        Manifest manifest;
        try {
            // format and version first, so that a newer layout is named as such rather than as unknown fields
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(read(runDir, MANIFEST));
            if (tree == null || !tree.isObject() || !FORMAT.equals(tree.path("format").asText())
                    || tree.path("version").asInt(-1) != VERSION) {
                throw new TrainingException(runDir.resolve(MANIFEST) + ": not an Encore run of format " + FORMAT
                        + " version " + VERSION + (tree != null && tree.has("version") ? " (found version " + tree.get("version") + ")" : ""));
            }
            manifest = mapper.treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new TrainingException(runDir.resolve(MANIFEST) + " is not a valid run manifest: " + e.getOriginalMessage());
        }
        ModelSpec spec;
        try {
            spec = SpecFiles.fromJson(read(runDir, SPEC));
        } catch (SpecFiles.SpecFormatException e) {
            throw new TrainingException(runDir.resolve(SPEC) + ": " + e.getMessage());
        }
        List<SpecError> errors = SpecValidator.validate(spec);
        if (!errors.isEmpty()) {
            throw new TrainingException(runDir.resolve(SPEC) + " is not a valid spec: " + errors);
        }
        if (manifest.dataset() == null) {
            throw new TrainingException(runDir.resolve(MANIFEST) + " does not record the dataset it was trained on");
        }
        List<String> differences = manifest.dataset().differencesFrom(DatasetIdentity.of(dataset));
        if (!differences.isEmpty()) {
            throw new TrainingException("run " + runDir + " was trained on a different dataset: "
                    + String.join(", ", differences) + " (run vs open dataset)");
        }
        int width = dataset.ratings().movieCount();
        if (manifest.width() != width) {
            throw new TrainingException("run " + runDir + " has " + manifest.width() + " movie columns, the dataset " + width);
        }
        MultiLayerNetwork network = NetworkFactory.build(spec, width);
        if (network.numParams() != manifest.parameters() || !shapesEqual(layerShapes(network), manifest.layerShapes())) {
            throw new TrainingException("run " + runDir + ": the spec builds " + network.numParams() + " parameters in layers "
                    + describe(layerShapes(network)) + " but the manifest records " + manifest.parameters() + " in "
                    + describe(manifest.layerShapes()));
        }
        Path paramsFile = runDir.resolve(PARAMS);
        long expectedBytes = manifest.parameters() * Float.BYTES;
        long actualBytes = size(paramsFile);
        if (actualBytes != expectedBytes) {
            throw new TrainingException(paramsFile + " holds " + actualBytes + " bytes, expected " + expectedBytes
                    + " (" + manifest.parameters() + " float32 parameters)");
        }
        INDArray params = Nd4j.createUninitialized(DataType.FLOAT, 1, manifest.parameters());
        String hash = readParams(paramsFile, params);
        if (!hash.equalsIgnoreCase(String.valueOf(manifest.paramsSha256()))) {
            throw new TrainingException(paramsFile + " does not match its SHA-256 in the manifest (modified or corrupt): "
                    + hash + " vs " + manifest.paramsSha256());
        }
        network.setParams(params);
        List<EpochMetrics> history;
        try {
            history = mapper.readValue(read(runDir, HISTORY_JSON), new TypeReference<List<EpochMetrics>>() { });
        } catch (JsonProcessingException e) {
            throw new TrainingException(runDir.resolve(HISTORY_JSON) + " is not a valid history: " + e.getOriginalMessage());
        }
        Split split = manifest.split();
        if (split == null || split.trainUsers() == null || split.validationUsers() == null) {
            throw new TrainingException(runDir.resolve(MANIFEST) + " does not record the train/validation split");
        }
        TrainingPlan plan;
        try {
            plan = TrainingPlan.fromUserIds(dataset.ratings(), split.trainUsers(), split.validationUsers());
        } catch (IllegalArgumentException e) {
            throw new TrainingException("run " + runDir + ": " + e.getMessage());
        }
        return new TrainedModel(spec, network, width, plan, split.trainUsers(), split.validationUsers(),
                history == null ? List.of() : history, manifest.device());
    }

    private static String read(Path runDir, String name) throws IOException, TrainingException {
        Path file = runDir.resolve(name);
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new TrainingException(runDir + " is not a complete run folder: " + name + " is missing");
        }
    }

    private static long size(Path file) throws IOException, TrainingException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new TrainingException(file + " is missing");
        }
    }

    /** [nIn, nOut] of each layer. */
    static List<long[]> layerShapes(MultiLayerNetwork network) {
        List<long[]> shapes = new ArrayList<>();
        for (Layer layer : network.getLayers()) {
            org.deeplearning4j.nn.conf.layers.FeedForwardLayer conf =
                    (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer.conf().getLayer();
            shapes.add(new long[]{conf.getNIn(), conf.getNOut()});
        }
        return shapes;
    }

    private static boolean shapesEqual(List<long[]> a, List<long[]> b) {
        if (b == null || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<long[]> shapes) {
        if (shapes == null) {
            return "(none)";
        }
        return shapes.stream().map(s -> s.length == 2 ? s[0] + "x" + s[1] : java.util.Arrays.toString(s)).toList().toString();
    }

    private static void writeParams(INDArray params, OutputStream target) throws IOException {
        INDArray flat = params.dataType() == DataType.FLOAT ? params : params.castTo(DataType.FLOAT);
        long length = flat.length();
        float[] chunk = new float[(int) Math.min(CHUNK_FLOATS, length)];
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        INDArray row = flat.reshape(length);
        try (OutputStream out = new BufferedOutputStream(target, 1 << 16)) {
            for (long from = 0; from < length; from += chunk.length) {
                int count = (int) Math.min(chunk.length, length - from);
                float[] values = row.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + count)).toFloatVector();
                bytes.clear();
                bytes.asFloatBuffer().put(values, 0, count);
                out.write(bytes.array(), 0, count * Float.BYTES);
            }
        }
    }

    /** Reads the params file into {@code target} and returns its SHA-256. */
    private static String readParams(Path file, INDArray target) throws IOException {
        MessageDigest digest = sha256();
        long length = target.length();
        byte[] bytes = new byte[CHUNK_FLOATS * Float.BYTES];
        float[] values = new float[CHUNK_FLOATS];
        INDArray row = target.reshape(length);
        try (InputStream in = Files.newInputStream(file)) {
            for (long from = 0; from < length; from += CHUNK_FLOATS) {
                int count = (int) Math.min(CHUNK_FLOATS, length - from);
                int byteCount = count * Float.BYTES;
                int read = in.readNBytes(bytes, 0, byteCount);
                if (read != byteCount) {
                    throw new IOException(file + " ended early");
                }
                digest.update(bytes, 0, byteCount);
                FloatBuffer floats = ByteBuffer.wrap(bytes, 0, byteCount).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                floats.get(values, 0, count);
                row.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + count))
                        .assign(Nd4j.createFromArray(count == values.length ? values : java.util.Arrays.copyOf(values, count)));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The history as CSV, one row per epoch. */
    static final class HistoryCsv {
        static final String HEADER = "epoch,loss,seconds,samplesPerSecond,"
                + "train_mse,train_mae,train_r2,train_r2Flat,train_ratedRmse,train_ratedMae,"
                + "validation_mse,validation_mae,validation_r2,validation_r2Flat,validation_ratedRmse,validation_ratedMae,"
                + "train_metrics\n";

        private HistoryCsv() {
        }

        static String format(List<EpochMetrics> history) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (EpochMetrics m : history) {
                csv.append(m.epoch()).append(',').append(num(m.loss())).append(',').append(num(m.seconds())).append(',')
                        .append(num(m.samplesPerSecond()));
                for (SplitMetrics s : new SplitMetrics[]{m.train(), m.validation()}) {
                    csv.append(',').append(num(s.mse())).append(',').append(num(s.mae())).append(',').append(num(s.r2()))
                            .append(',').append(num(s.r2Flat())).append(',').append(num(s.ratedRmse())).append(',')
                            .append(num(s.ratedMae()));
                }
                csv.append(',').append(m.trainKind().label()).append('\n');
            }
            return csv.toString();
        }

        private static String num(double value) {
            return String.format(Locale.ROOT, "%.8g", value);
        }
    }
}
