package org.encore.recommend;

import org.encore.model.RowScorer;

import java.util.Arrays;
import java.util.List;

/**
 * Several scorers combined with user-set weights, by normalised score or by reciprocal rank fusion.
 * <ul>
 * <li>{@link Mode#SCORE}: each member's scores are z-scored per user over the movies the user has NOT rated
 * (mean and population standard deviation of those columns; a member whose scores are constant there contributes
 * 0), then summed with the weights. Z-scores rather than min-max so that one extreme score does not squash the
 * rest of a member's list.</li>
 * <li>{@link Mode#RANK}: weighted reciprocal rank fusion, score = sum of w / (60 + rank) with rank 1-based over
 * the unrated movies (Cormack et al. 2009, k = 60).</li>
 * </ul>
 * Rated columns get the value their score maps to (SCORE) or 0 (RANK); the recommender never shows them anyway.
 * A blend's scores are not ratings ({@link #predictsRatings()} is false). Weights need not sum to 1 (only their ratios
 * matter for ranking); they are kept as given.
 */
public final class Blend implements RowScorer {

    public enum Mode { SCORE, RANK }

    /** Reciprocal rank fusion constant (Cormack, Clarke and Buettcher 2009). */
    public static final int RRF_K = 60;

    /** The reference weight of a member that is none of the presets model1..model4: an equal share of the four. */
    public static final double OTHER_WEIGHT = 0.25;

    private final String name;
    private final List<RowScorer> members;
    private final double[] weights;
    private final Mode mode;

    /**
     * @throws IllegalArgumentException when there are no members, the weight count differs from the member
     *                                  count, a weight is negative or not finite, all weights are zero, or the
     *                                  members disagree on width or value scale
     */
    public Blend(String name, List<RowScorer> members, double[] weights, Mode mode) {
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("a blend needs at least one model");
        }
        if (weights == null || weights.length != members.size()) {
            throw new IllegalArgumentException("a blend of " + members.size() + " models needs " + members.size()
                    + " weights, got " + (weights == null ? 0 : weights.length));
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i]) || weights[i] < 0) {
                throw new IllegalArgumentException("weight " + (i + 1) + " (" + members.get(i).name() + ") must be a finite number >= 0, got " + weights[i]);
            }
            sum += weights[i];
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one blend weight must be above 0");
        }
        RowScorer first = members.get(0);
        for (RowScorer m : members) {
            if (m.width() != first.width()) {
                throw new IllegalArgumentException("blend members differ in width: '" + first.name() + "' has "
                        + first.width() + " movies, '" + m.name() + "' has " + m.width());
            }
            if (Math.abs(m.valueScale() - first.valueScale()) > 1e-12) {
                throw new IllegalArgumentException("blend members differ in value scale: '" + first.name() + "' "
                        + first.valueScale() + ", '" + m.name() + "' " + m.valueScale());
            }
        }
        this.name = name;
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        this.mode = mode == null ? Mode.SCORE : mode;
    }

    /**
     * The one rule for a member's starting weight, used by {@code encore recommend}, the per-user panel and the
     * evaluator: the reference suggests models 1 and 4 weighted up and 2 and 3 mixed in, so {@code model1} and
     * {@code model4} get 0.35 and {@code model2} and {@code model3} 0.15; anything else (another spec, a baseline)
     * gets an equal share of the four, {@value #OTHER_WEIGHT}. The rule is per name, so it holds for any subset and
     * order of members: the four presets together sum to 1, a blend of non-presets weights them equally, and only
     * the ratios matter for ranking.
     *
     * @param modelName the member's model name (for a trained run, its spec's name: the preset it was built from)
     */
    public static double referenceWeight(String modelName) {
        if (modelName == null) {
            return OTHER_WEIGHT;
        }
        return switch (modelName) {
            case "model1", "model4" -> 0.35;
            case "model2", "model3" -> 0.15;
            default -> OTHER_WEIGHT;
        };
    }

    /** {@link #referenceWeight(String)} of each name, in order. */
    public static double[] referenceWeights(List<String> modelNames) {
        return modelNames.stream().mapToDouble(Blend::referenceWeight).toArray();
    }

    /** A blend of {@code members} with their {@link #referenceWeight(String) reference weights} (by scorer name). */
    public static Blend withReferenceWeights(String name, List<RowScorer> members, Mode mode) {
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("a blend needs at least one model");
        }
        return new Blend(name, members, referenceWeights(members.stream().map(RowScorer::name).toList()), mode);
    }

    public List<RowScorer> members() {
        return members;
    }

    public double[] weights() {
        return weights.clone();
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int width() {
        return members.get(0).width();
    }

    @Override
    public double valueScale() {
        return members.get(0).valueScale();
    }

    /** A blend's scores order movies; they are not ratings. */
    @Override
    public boolean predictsRatings() {
        return false;
    }

    @Override
    public void score(float[] inputs, int rows, float[] outputs) {
        int width = width();
        int cells = rows * width;
        Arrays.fill(outputs, 0, cells, 0f);
        float[] memberScores = new float[cells];
        long[] keys = mode == Mode.RANK ? new long[width] : null;
        for (int m = 0; m < members.size(); m++) {
            if (weights[m] == 0) {
                continue;
            }
            members.get(m).score(inputs, rows, memberScores);
            for (int r = 0; r < rows; r++) {
                int offset = r * width;
                if (mode == Mode.SCORE) {
                    addZScores(inputs, memberScores, offset, width, weights[m], outputs);
                } else {
                    addReciprocalRanks(inputs, memberScores, offset, width, weights[m], keys, outputs);
                }
            }
        }
    }

    private static void addZScores(float[] inputs, float[] scores, int offset, int width, double weight, float[] out) {
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int c = 0; c < width; c++) {
            float s = scores[offset + c];
            if (inputs[offset + c] == 0f && Float.isFinite(s)) {
                sum += s;
                sumSquares += (double) s * s;
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        double mean = sum / count;
        double sd = Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
        if (!(sd > 1e-12)) {
            return;
        }
        for (int c = 0; c < width; c++) {
            float s = scores[offset + c];
            if (Float.isFinite(s)) {
                out[offset + c] += (float) (weight * (s - mean) / sd);
            }
        }
    }

    private static void addReciprocalRanks(float[] inputs, float[] scores, int offset, int width, double weight,
                                           long[] keys, float[] out) {
        int count = 0;
        for (int c = 0; c < width; c++) {
            float s = scores[offset + c];
            if (inputs[offset + c] == 0f && !Float.isNaN(s)) {
                keys[count++] = TopN.key(s, c);
            }
        }
        Arrays.sort(keys, 0, count);
        for (int i = 0; i < count; i++) {
            int rank = i + 1;
            int column = TopN.columnOf(keys[count - 1 - i]);
            out[offset + column] += (float) (weight / (RRF_K + rank));
        }
    }
}
