package org.encore.app.training;

import org.encore.training.SplitMetrics;

import java.util.function.ToDoubleFunction;

/** The metrics charted per epoch. R2 is Keras's per-column R2Score (uniform average). */
public enum Metric {
    R2("R² (Keras, per column)", SplitMetrics::r2),
    MSE("MSE (all cells)", SplitMetrics::mse),
    MAE("MAE (all cells)", SplitMetrics::mae);

    private final String label;
    private final ToDoubleFunction<SplitMetrics> value;

    Metric(String label, ToDoubleFunction<SplitMetrics> value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public double of(SplitMetrics metrics) {
        return value.applyAsDouble(metrics);
    }
}
