package org.encore.recommend;

/**
 * Marks a {@link org.encore.model.RowScorer} whose scores order movies but are not predicted ratings (popularity
 * counts, EASE scores, blends of normalised scores). Evaluation reports RMSE and MAE as NaN for such scorers, and
 * the display shows their score as a plain number rather than a percent of five stars.
 */
public interface RankingOnly {
}
