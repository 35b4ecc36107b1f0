package org.encore.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import org.encore.data.AtomicFiles;
import org.encore.data.Dataset;
import org.encore.data.OutputPaths;
import org.encore.data.OutputPaths.Overwrite;
import org.encore.data.RegularFiles;
import org.encore.model.ModelSpec;
import org.encore.model.SpecError;
import org.encore.model.SpecFiles;
import org.encore.model.SpecValidator;

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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The on-disk form of a {@link TrainedModel}: a folder holding
 * <ul>
 *   <li>{@code spec.json} - our own spec JSON (type names, never class names);</li>
 *   <li>{@code params.f32} - every parameter as raw little-endian float32, in the engine's flattened order (for
 *       DL4J: layer by layer, each layer's weights then its biases);</li>
 *   <li>{@code history.json} and {@code history.csv} - one row per epoch;</li>
 *   <li>{@code manifest.json} - written last: format version, the parameter count, layer shapes, the SHA-256 of
 *       every other file ({@code files}; version 2), the dataset identity, the split (user ids, fractions, seed)
 *       and the device.</li>
 * </ul>
 * The folder is built complete beside its target and moved into place in one rename ({@link OutputPaths}); an
 * existing run is replaced only when asked. Loading first checks every file against its hash and the parameters
 * for NaN or infinity ({@link RunFolderChecks}).
 * This class owns the format and every check that needs no engine; the engine hands over its parameters as a
 * {@link ParameterSource} and takes them back through a {@link ParameterSink}. Loading rebuilds the network from the
 * spec and then sets the parameters; it never deserialises engine configuration or Java objects from the folder.
 */
public final class RunFolder {
    static final String FORMAT = "encore-run";
    /** Version 2 added {@code files}, the SHA-256 of every file; version 1 (no such map) still loads. */
    static final int VERSION = 2;
    /** Folders saved before per-file hashes: only {@code paramsSha256} is recorded, and only that is checked. */
    static final int VERSION_WITHOUT_FILE_HASHES = 1;
    static final String MANIFEST = "manifest.json";
    static final String SPEC = "spec.json";
    static final String PARAMS = "params.f32";
    static final String HISTORY_JSON = "history.json";
    static final String HISTORY_CSV = "history.csv";
    /** Floats per chunk handed to a {@link ParameterSource} or {@link ParameterSink}. */
    public static final int CHUNK_FLOATS = 1 << 20;

    private RunFolder() {
    }

    /** The manifest as stored; plain values only. */
    public record Manifest(String format, int version, String model, int width, long parameters, List<long[]> layerShapes,
                    String paramsFile, String paramsSha256, Map<String, String> files, DatasetIdentity dataset,
                    Split split, String device, String savedAt) {
    }

    /** The files whose SHA-256 a version-2 manifest must record. */
    static final List<String> HASHED = List.of(SPEC, PARAMS, HISTORY_JSON, HISTORY_CSV);

    /** The users a run trained and validated on, and how they were drawn. */
    public record Split(long seed, double usersFraction, double validationFraction, int[] trainUsers, int[] validationUsers) {
    }

    /** A trained model's parameters as the engine holds them. */
    public interface ParameterSource {
        /** Number of float32 parameters. */
        long count();

        /** [fan-in, units] of each layer, in order. */
        List<long[]> layerShapes();

        /** Hands the parameters over in order, at most {@link #CHUNK_FLOATS} at a time, to {@code chunks}. */
        void forEachChunk(ChunkConsumer chunks) throws IOException;
    }

    /** Receives {@code count} floats of {@code values} that belong at {@code offset} of the flattened parameters. */
    @FunctionalInterface
    public interface ChunkConsumer {
        void accept(long offset, float[] values, int count) throws IOException;
    }

    /** Where {@link #readParameters} puts the parameters: chunks in order, each at its offset. */
    @FunctionalInterface
    public interface ParameterSink {
        void accept(long offset, float[] values, int count);
    }

    /**
     * Everything a run folder holds but the parameters, checked against the open dataset.
     *
     * @param plan the split's rows in the open dataset
     */
    public record Contents(Path runDir, Manifest manifest, ModelSpec spec, List<EpochMetrics> history, TrainingPlan plan) {
        public int width() {
            return manifest.width();
        }
    }

    /**
     * Writes the run into {@code runDir}, complete or not at all: built in a temporary sibling and renamed into
     * place; an existing run or non-empty folder is replaced only with {@link Overwrite#REPLACE}.
     */
    public static void save(TrainedModel model, ParameterSource params, Path runDir, Dataset dataset, Overwrite overwrite)
            throws IOException {
        if (dataset.ratings().movieCount() != model.width()) {
            throw new IOException("cannot save: the model has " + model.width() + " movie columns but dataset "
                    + dataset.release() + " has " + dataset.ratings().movieCount());
        }
        OutputPaths.writeFolder(runDir, overwrite, folder -> {
            writeFiles(model, params, folder, dataset);
            return null;
        });
    }

    /** Writes every file of the run into {@code runDir} (a fresh temporary folder), the manifest last. */
    private static void writeFiles(TrainedModel model, ParameterSource params, Path runDir, Dataset dataset) throws IOException {
        ObjectMapper mapper = SpecFiles.mapper();
        MessageDigest digest = sha256();
        AtomicFiles.write(runDir.resolve(PARAMS), out -> writeParams(params, new DigestOutputStream(out, digest)));
        String paramsHash = HexFormat.of().formatHex(digest.digest());
        SpecFiles.write(runDir.resolve(SPEC), model.spec());
        AtomicFiles.writeString(runDir.resolve(HISTORY_JSON), mapper.writeValueAsString(model.history()) + "\n");
        AtomicFiles.writeString(runDir.resolve(HISTORY_CSV), HistoryCsv.format(model.history()));
        ModelSpec spec = model.spec();
        Manifest manifest = new Manifest(FORMAT, VERSION, spec.name(), model.width(), params.count(),
                params.layerShapes(), PARAMS, paramsHash, RunFolderChecks.sha256Of(runDir, HASHED), DatasetIdentity.of(dataset),
                new Split(spec.training().seed(), spec.training().usersFraction(), spec.training().validationFraction(),
                        model.trainUserIds(), model.validationUserIds()),
                model.device(), Instant.now().toString());
        AtomicFiles.writeString(runDir.resolve(MANIFEST), mapper.writeValueAsString(manifest) + "\n");
    }

    /**
     * What a run-folder list shows, read cheaply (the manifest, the spec's and history's JSON; no hash is checked
     * and no parameter read: {@link #read} checks everything when the run is opened).
     *
     * @param runDir         the folder
     * @param dataset        the dataset identity the manifest records (null when it records none)
     * @param kind           the spec's architecture type name, e.g. "autoencoder" ("" when unknown)
     * @param epochs         epochs in the history
     * @param plannedEpochs  epochs the spec asked for (0 when unknown)
     * @param bestValidation the lowest validation MSE in the history, NaN when none
     * @param savedAt        when it was saved (ISO-8601), "" when unknown
     */
    public record Summary(Path runDir, DatasetIdentity dataset, String kind, int epochs, int plannedEpochs,
                          double bestValidation, String savedAt) {
        /** Whether the run was trained on a dataset of this identity. */
        public boolean belongsTo(DatasetIdentity identity) {
            return dataset != null && dataset.differencesFrom(identity).isEmpty();
        }
    }

    /** The {@link Summary} of {@code runDir}. */
    public static Summary summary(Path runDir) throws IOException, TrainingException {
        ObjectMapper mapper = SpecFiles.mapper();
        try {
            JsonNode manifest = mapper.readTree(read(runDir, MANIFEST));
            if (manifest == null || !manifest.isObject() || !FORMAT.equals(manifest.path("format").asText())) {
                throw new TrainingException(runDir.resolve(MANIFEST) + ": not an Encore run of format " + FORMAT);
            }
            DatasetIdentity dataset = manifest.hasNonNull("dataset")
                    ? mapper.treeToValue(manifest.get("dataset"), DatasetIdentity.class) : null;
            JsonNode spec = mapper.readTree(read(runDir, SPEC));
            String kind = spec == null ? "" : spec.path("architecture").path("type").asText(spec.has("layers") ? "autoencoder" : "");
            int planned = spec == null ? 0 : spec.path("training").path("epochs").asInt(spec.path("epochs").asInt(0));
            JsonNode history = mapper.readTree(read(runDir, HISTORY_JSON));
            int epochs = 0;
            double best = Double.NaN;
            if (history != null && history.isArray()) {
                epochs = history.size();
                for (JsonNode epoch : history) {
                    JsonNode mse = epoch.path("validation").path("mse");
                    if (mse.isNumber() && !(mse.asDouble() >= best)) {
                        best = mse.asDouble();
                    }
                }
            }
            return new Summary(runDir, dataset, kind, epochs, planned, best, manifest.path("savedAt").asText(""));
        } catch (JsonProcessingException e) {
            throw new TrainingException(runDir + ": not a readable run folder: " + e.getOriginalMessage());
        }
    }

    /** Reads and checks everything but the parameters: format, spec, dataset identity, width, history and split. */
    public static Contents read(Path runDir, Dataset dataset) throws IOException, TrainingException {
        ObjectMapper mapper = SpecFiles.mapper();
        Manifest manifest;
        try {
            // format and version first, so that a newer layout is named as such rather than as unknown fields
            JsonNode tree = mapper.readTree(read(runDir, MANIFEST));
            int version = tree == null ? -1 : tree.path("version").asInt(-1);
            if (tree == null || !tree.isObject() || !FORMAT.equals(tree.path("format").asText())
                    || (version != VERSION && version != VERSION_WITHOUT_FILE_HASHES)) {
                throw new TrainingException(runDir.resolve(MANIFEST) + ": not an Encore run of format " + FORMAT
                        + " version " + VERSION_WITHOUT_FILE_HASHES + " or " + VERSION
                        + (tree != null && tree.has("version") ? " (found version " + tree.get("version") + ")" : ""));
            }
            manifest = mapper.treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new TrainingException(runDir.resolve(MANIFEST) + " is not a valid run manifest: " + e.getOriginalMessage());
        }
        // Every file is checked before any is parsed. A version-1 folder (saved before per-file hashes) records only
        // the parameters' hash: that one is checked, and its spec and history are trusted as they are.
        boolean perFileHashes = manifest.version() != VERSION_WITHOUT_FILE_HASHES;
        RunFolderChecks.verify(runDir,
                perFileHashes ? (manifest.files() == null ? Map.of() : manifest.files())
                        : Map.of(PARAMS, String.valueOf(manifest.paramsSha256())),
                perFileHashes ? HASHED : List.of(PARAMS), PARAMS);
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
        return new Contents(runDir, manifest, spec, history == null ? List.of() : history, plan);
    }

    /** Refuses a folder whose spec now builds other shapes than the manifest records. */
    public static void checkShapes(Contents contents, long parameters, List<long[]> layerShapes) throws TrainingException {
        Manifest manifest = contents.manifest();
        if (parameters != manifest.parameters() || !shapesEqual(layerShapes, manifest.layerShapes())) {
            throw new TrainingException("run " + contents.runDir() + ": the spec builds " + parameters + " parameters in layers "
                    + describe(layerShapes) + " but the manifest records " + manifest.parameters() + " in "
                    + describe(manifest.layerShapes()));
        }
    }

    /** Reads {@code params.f32} into {@code sink}, refusing a file of the wrong size or whose SHA-256 differs. */
    public static void readParameters(Contents contents, ParameterSink sink) throws IOException, TrainingException {
        Manifest manifest = contents.manifest();
        Path paramsFile = contents.runDir().resolve(PARAMS);
        long expectedBytes = manifest.parameters() * Float.BYTES;
        long actualBytes = size(paramsFile);
        if (actualBytes != expectedBytes) {
            throw new TrainingException(paramsFile + " holds " + actualBytes + " bytes, expected " + expectedBytes
                    + " (" + manifest.parameters() + " float32 parameters)");
        }
        String hash = readParams(paramsFile, manifest.parameters(), sink);
        if (!hash.equalsIgnoreCase(String.valueOf(manifest.paramsSha256()))) {
            throw new TrainingException(paramsFile + " does not match its SHA-256 in the manifest (modified or corrupt): "
                    + hash + " vs " + manifest.paramsSha256());
        }
    }

    private static String read(Path runDir, String name) throws IOException, TrainingException {
        Path file = runDir.resolve(name);
        try {
            return RegularFiles.readString(file);
        } catch (NoSuchFileException e) {
            throw new TrainingException(runDir + " is not a complete run folder: " + name + " is missing");
        }
    }

    private static long size(Path file) throws IOException, TrainingException {
        try {
            return RegularFiles.size(file);
        } catch (NoSuchFileException e) {
            throw new TrainingException(file + " is missing");
        }
    }

    private static boolean shapesEqual(List<long[]> a, List<long[]> b) {
        if (b == null || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<long[]> shapes) {
        if (shapes == null) {
            return "(none)";
        }
        return shapes.stream().map(s -> s.length == 2 ? s[0] + "x" + s[1] : Arrays.toString(s)).toList().toString();
    }

    private static void writeParams(ParameterSource params, OutputStream target) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(target, 1 << 16)) {
            params.forEachChunk((offset, values, count) -> {
                bytes.clear();
                bytes.asFloatBuffer().put(values, 0, count);
                out.write(bytes.array(), 0, count * Float.BYTES);
            });
        }
    }

    /** Reads {@code length} floats of the params file into {@code sink} and returns the file's SHA-256. */
    private static String readParams(Path file, long length, ParameterSink sink) throws IOException {
        MessageDigest digest = sha256();
        byte[] bytes = new byte[CHUNK_FLOATS * Float.BYTES];
        float[] values = new float[CHUNK_FLOATS];
        try (InputStream in = RegularFiles.newInputStream(file)) {
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
                sink.accept(from, values, count);
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
    public static final class HistoryCsv {
        static final String HEADER = "epoch,loss,seconds,samplesPerSecond,"
                + "train_mse,train_mae,train_r2,train_r2Flat,train_ratedRmse,train_ratedMae,"
                + "validation_mse,validation_mae,validation_r2,validation_r2Flat,validation_ratedRmse,validation_ratedMae,"
                + "validation_ndcg100,validation_recall20,kl,beta,train_metrics\n";

        private HistoryCsv() {
        }

        public static String format(List<EpochMetrics> history) {
            StringBuilder csv = new StringBuilder(HEADER);
            for (EpochMetrics m : history) {
                csv.append(m.epoch()).append(',').append(num(m.loss())).append(',').append(num(m.seconds())).append(',')
                        .append(num(m.samplesPerSecond()));
                for (SplitMetrics s : new SplitMetrics[]{m.train(), m.validation()}) {
                    csv.append(',').append(num(s.mse())).append(',').append(num(s.mae())).append(',').append(num(s.r2()))
                            .append(',').append(num(s.r2Flat())).append(',').append(num(s.ratedRmse())).append(',')
                            .append(num(s.ratedMae()));
                }
                csv.append(',').append(num(m.validationNdcg100())).append(',').append(num(m.validationRecall20()))
                        .append(',').append(num(m.coding() == null ? Double.NaN : m.coding().kl()))
                        .append(',').append(num(m.coding() == null ? Double.NaN : m.coding().beta()))
                        .append(',').append(m.trainKind().label()).append('\n');
            }
            return csv.toString();
        }

        private static String num(double value) {
            return String.format(Locale.ROOT, "%.8g", value);
        }
    }
}
