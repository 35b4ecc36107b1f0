package org.encore.training;

import org.encore.data.IdIndex;
import org.encore.data.RatingMatrix;
import org.encore.data.Shuffle;

import java.util.Arrays;
import java.util.Random;

/**
 * The per-epoch ranking pass on the validation users, engine-free: the protocol of the evaluator (strong
 * generalisation, Liang et al. 2018) on the users a training plan validates on. Each validation user's ratings are
 * shuffled with a seeded generator; {@value #FOLD_IN} of them (rounded down, at least one, leaving at least one) are
 * fed in and the rest hidden; a hidden movie is relevant at rating &gt;= {@value #RELEVANT_RATING}. The engine scores the
 * fold-in rows ({@link #foldIn}) as it scores any row, hands each user's scores to {@link #add}, and {@link #finish}
 * gives the means of NDCG@100 and Recall@20 ({@link RankingMath}). Users with fewer than two ratings are left out.
 * One instance serves every epoch of a run; the split never changes.
 */
public final class ValidationRanking {
    public static final double FOLD_IN = 0.8;
    public static final double RELEVANT_RATING = 4.0;
    public static final int NDCG_AT = 100;
    public static final int RECALL_AT = 20;

    private final RatingMatrix foldIn;
    private final int[] hiddenPointers;
    private final int[] hiddenColumns;
    private final float[] hiddenRatings;
    private final boolean[] relevant;
    private double ndcgSum;
    private double recallSum;
    private int defined;

    /** Splits the ratings of {@code validationRows} of {@code matrix}, seeded by {@code seed}. */
    public ValidationRanking(RatingMatrix matrix, int[] validationRows, long seed) {
        Random random = new Random(seed * 31 + 7);
        int total = 0;
        for (int row : validationRows) {
            total += matrix.rowLength(row);
        }
        int[] foldPointers = new int[validationRows.length + 1];
        int[] foldColumns = new int[total];
        float[] foldRatings = new float[total];
        hiddenPointers = new int[validationRows.length + 1];
        int[] hidden = new int[total];
        float[] hiddenValues = new float[total];
        int users = 0;
        int folded = 0;
        int held = 0;
        int[] ids = new int[validationRows.length];
        for (int row : validationRows) {
            int n = matrix.rowLength(row);
            if (n < 2) {
                continue;
            }
            int[] positions = new int[n];
            for (int i = 0; i < n; i++) {
                positions[i] = matrix.rowStart(row) + i;
            }
            Shuffle.inPlace(positions, random);
            int feed = Math.max(1, Math.min(n - 1, (int) Math.floor(n * FOLD_IN + 1e-9)));
            int[] fed = Arrays.copyOfRange(positions, 0, feed);
            Arrays.sort(fed);
            for (int p : fed) {
                foldColumns[folded] = matrix.columnAt(p);
                foldRatings[folded++] = matrix.ratingAt(p);
            }
            for (int i = feed; i < n; i++) {
                hidden[held] = matrix.columnAt(positions[i]);
                hiddenValues[held++] = matrix.ratingAt(positions[i]);
            }
            ids[users] = matrix.users().idAt(row);
            users++;
            foldPointers[users] = folded;
            hiddenPointers[users] = held;
        }
        foldIn = new RatingMatrix(Arrays.copyOf(foldPointers, users + 1), Arrays.copyOf(foldColumns, folded),
                Arrays.copyOf(foldRatings, folded), new long[folded], new IdIndex(Arrays.copyOf(ids, users)),
                matrix.movies());
        hiddenColumns = Arrays.copyOf(hidden, held);
        hiddenRatings = Arrays.copyOf(hiddenValues, held);
        relevant = new boolean[matrix.movieCount()];
    }

    /** Validation users taking part (those with at least two ratings). */
    public int users() {
        return foldIn.userCount();
    }

    /** Movie columns. */
    public int width() {
        return foldIn.movieCount();
    }

    /** The fed-in ratings of users {@code from .. from + count - 1}, densified as rating * {@code scale} into {@code out}. */
    public void foldIn(int from, int count, float scale, float[] out) {
        foldIn(from, count, scale, out, 0);
    }

    /** As {@link #foldIn(int, int, float, float[])}, writing from {@code out[offset]} on. */
    public void foldIn(int from, int count, float scale, float[] out, int offset) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = from + i;
        }
        foldIn.densify(rows, scale, out, offset);
    }

    /**
     * Adds user {@code user}'s scores ({@code width()} floats from {@code offset}): the fed-in movies are removed, the
     * top {@value #NDCG_AT} kept and both metrics computed against the hidden relevant movies.
     */
    public void add(int user, float[] scores, int offset) {
        int relevantCount = 0;
        for (int h = hiddenPointers[user]; h < hiddenPointers[user + 1]; h++) {
            if (hiddenRatings[h] >= RELEVANT_RATING) {
                relevant[hiddenColumns[h]] = true;
                relevantCount++;
            }
        }
        if (relevantCount > 0) {
            int[] ranked = top(user, scores, offset, NDCG_AT);
            ndcgSum += RankingMath.ndcg(ranked, c -> relevant[c], relevantCount, NDCG_AT);
            recallSum += RankingMath.recall(ranked, c -> relevant[c], relevantCount, RECALL_AT);
            defined++;
        }
        for (int h = hiddenPointers[user]; h < hiddenPointers[user + 1]; h++) {
            relevant[hiddenColumns[h]] = false;
        }
    }

    /** The means since the last call (NaN when no user had a relevant hidden movie), and starts over. */
    public RankingMetrics finish() {
        RankingMetrics result = defined == 0 ? new RankingMetrics(Double.NaN, Double.NaN, 0)
                : new RankingMetrics(ndcgSum / defined, recallSum / defined, defined);
        ndcgSum = 0;
        recallSum = 0;
        defined = 0;
        return result;
    }

    /** The k best-scored columns not fed in, best first (ties: lower column first; NaN scores last). */
    private int[] top(int user, float[] scores, int offset, int k) {
        int width = width();
        int start = foldIn.rowStart(user);
        int end = foldIn.rowEnd(user);
        int[] best = new int[Math.min(k, width)];
        int size = 0;
        int fed = start;
        float worst = Float.NaN;
        for (int c = 0; c < width; c++) {
            if (fed < end && foldIn.columnAt(fed) == c) {
                fed++;
                continue;
            }
            float v = scores[offset + c];
            if (size == best.length && v < worst) {
                continue; // worse than the k-th (false for NaN on either side, which better() decides)
            }
            if (size < best.length) {
                int i = size++;
                while (i > 0 && better(v, c, scores[offset + best[i - 1]], best[i - 1])) {
                    best[i] = best[i - 1];
                    i--;
                }
                best[i] = c;
            } else if (size > 0 && better(v, c, scores[offset + best[size - 1]], best[size - 1])) {
                int i = size - 1;
                while (i > 0 && better(v, c, scores[offset + best[i - 1]], best[i - 1])) {
                    best[i] = best[i - 1];
                    i--;
                }
                best[i] = c;
            }
            if (size == best.length && size > 0) {
                worst = scores[offset + best[size - 1]];
            }
        }
        return Arrays.copyOf(best, size);
    }

    private static boolean better(float v, int c, float w, int d) {
        if (Float.isNaN(v)) {
            return false;
        }
        return Float.isNaN(w) || v > w || (v == w && c < d);
    }
}
