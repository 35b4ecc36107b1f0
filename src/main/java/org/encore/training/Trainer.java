package org.encore.training;

import org.encore.data.CancellationToken;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;

/**
 * Trains one spec on one plan. One instance per run; {@link #pause()} and {@link #resume()} may be called from
 * any thread, cancellation goes through the token.
 * CONTRACT STUB: the training owner implements it; the public signatures stay.
 */
public final class Trainer {

    public Trainer(ModelSpec spec, RatingMatrix matrix, TrainingPlan plan) {
    }

    /** Runs every epoch (or until cancelled / stopped early) and returns the trained model with its history. */
    public TrainedModel train(TrainingListener listener, CancellationToken cancel) throws TrainingException {
        throw new UnsupportedOperationException("Trainer not implemented yet");
    }

    public void pause() {
        throw new UnsupportedOperationException();
    }

    public void resume() {
        throw new UnsupportedOperationException();
    }

    public boolean isPaused() {
        throw new UnsupportedOperationException();
    }
}
