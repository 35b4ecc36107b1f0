package org.encore.training;

/**
 * Metrics of one epoch on one split (train or validation), all in the model's scaled value space.
 *
 * @param mse        mean squared error over every cell (Keras "mse")
 * @param mae        mean absolute error over every cell
 * @param r2         Keras R2Score(): R2 per output column over the samples, averaged uniformly (zero-variance column = 0)
 * @param r2Flat     one R2 over all cells flattened
 * @param ratedRmse  RMSE over rated cells only, in stars
 * @param ratedMae   MAE over rated cells only, in stars
 */
public record SplitMetrics(double mse, double mae, double r2, double r2Flat, double ratedRmse, double ratedMae) {
}
