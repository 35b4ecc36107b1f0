package org.encore.inspect;

/**
 * One user or movie on a latent map.
 *
 * @param id    MovieLens user or movie id
 * @param x     coordinate on the first principal axis
 * @param y     coordinate on the second principal axis (0 when the layer has one dimension)
 * @param label what the point is coloured by (see {@link PointLabels})
 * @param value the number behind the label (ratings, mean stars); NaN for genre and decade
 */
public record MapPoint(int id, double x, double y, String label, double value) {
}
