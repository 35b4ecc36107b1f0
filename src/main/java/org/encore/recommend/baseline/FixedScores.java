package org.encore.recommend.baseline;

import org.encore.model.RowScorer;

/**
 * A scorer that gives every user the same score per movie, whatever the user rated: the shape of a popularity
 * baseline ({@link MostPopular} is one). Scores are ratings unless a subclass says otherwise ({@link #predictsRatings()}).
 */
public class FixedScores implements RowScorer {
    private final String name;
    private final float[] columnScores;
    private final double valueScale;

    /** @param columnScores one score per movie column; kept, not copied */
    public FixedScores(String name, float[] columnScores, double valueScale) {
        this.name = name;
        this.columnScores = columnScores;
        this.valueScale = valueScale;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int width() {
        return columnScores.length;
    }

    @Override
    public double valueScale() {
        return valueScale;
    }

    @Override
    public void score(float[] inputs, int rows, float[] outputs) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(columnScores, 0, outputs, r * columnScores.length, columnScores.length);
        }
    }
}
