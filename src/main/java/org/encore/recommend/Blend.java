package org.encore.recommend;

import org.encore.model.RowScorer;

import java.util.List;

/**
 * Several scorers combined with user-set weights, by normalised score or by reciprocal rank fusion.
 * CONTRACT STUB: the recommend owner implements it; the signatures stay.
 */
public final class Blend implements RowScorer {

    public enum Mode { SCORE, RANK }

    public Blend(String name, List<RowScorer> members, double[] weights, Mode mode) {
    }

    /** The reference's suggestion: models 1 and 4 weighted up, 2 and 3 mixed in (members in model1..model4 order). */
    public static Blend reference(List<RowScorer> model1to4) {
        throw new UnsupportedOperationException("Blend not implemented yet");
    }

    public List<RowScorer> members() { throw new UnsupportedOperationException(); }

    public double[] weights() { throw new UnsupportedOperationException(); }

    public Mode mode() { throw new UnsupportedOperationException(); }

    @Override
    public String name() { throw new UnsupportedOperationException(); }

    @Override
    public int width() { throw new UnsupportedOperationException(); }

    @Override
    public double valueScale() { throw new UnsupportedOperationException(); }

    @Override
    public void score(float[] inputs, int rows, float[] outputs) { throw new UnsupportedOperationException(); }
}
