package org.encore.app.evaluation;

import org.encore.model.RowScorer;

/**
 * A trained run's model under the name the Evaluation view shows for it (the run's name, unique among the
 * candidates), so that its table row, comparisons and sentences name the run and not only its spec.
 *
 * @param name  the row's name
 * @param model the run's trained model
 */
record RunScorer(String name, RowScorer model) implements RowScorer {
    @Override
    public int width() {
        return model.width();
    }

    @Override
    public double valueScale() {
        return model.valueScale();
    }

    @Override
    public boolean predictsRatings() {
        return model.predictsRatings();
    }

    @Override
    public void score(float[] inputs, int rows, float[] outputs) {
        model.score(inputs, rows, outputs);
    }
}
