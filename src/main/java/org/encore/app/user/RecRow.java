package org.encore.app.user;

/**
 * One recommended movie in one model's list.
 *
 * @param score    shown score: percent of five stars for a rating scorer (an MSE autoencoder); for a ranking-only
 *                 one (baselines, blends) a share of the top score in its list
 * @param listings in how many of the lists on screen the movie appears (more than 1: marked)
 */
public record RecRow(int rank, int movieId, String title, Integer year, String genres, String score, int listings) {
    public boolean shared() {
        return listings > 1;
    }
}
