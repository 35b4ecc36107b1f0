package org.encore.app.user;

/**
 * One movie of a user's reconstruction as the Reconstruction tab lists it.
 *
 * @param title  the movie's display title
 * @param rating the user's stars, blank for an unrated (recommended) movie
 * @param output the model's output: stars for a rating predictor, the raw score for a ranking model
 * @param error  output - rating in stars; blank for a ranking model or an unrated movie
 * @param rank   1-based rank of the output among all the user's outputs
 */
public record ReconstructionRow(String title, String rating, String output, String error, int rank) {
}
