package org.encore.data;

/**
 * Keeps only the movies rated by at least {@code minUsers} users: the rating matrix loses the other columns (and
 * their ratings); users stay, in the same rows, with their remaining ratings (possibly none). Movie ids are kept:
 * column c of the result is movie {@code result.movies().idAt(c)}, as for any matrix, so every id-based lookup
 * (titles, run folders, recommendations) works unchanged. The movies list of the dataset is kept whole.
 * <p>
 * This is the "minimum ratings per movie" restriction of DESIGN.md §6: at ml-32m's 87,585 movies an item x item
 * model (EASE) needs 30.7 GB per matrix; the movies with at least 10 ratings are about a third of them.
 */
public final class MovieRatingsFilter {
    private MovieRatingsFilter() {
    }

    /** How many users rated each column of {@code matrix} (each rating counts once). */
    public static int[] usersPerMovie(RatingMatrix matrix) {
        int[] counts = new int[matrix.movieCount()];
        for (int column : matrix.columnIndices()) {
            counts[column]++;
        }
        return counts;
    }

    /** How many movies of {@code matrix} have at least {@code minUsers} ratings. */
    public static int moviesKept(int[] usersPerMovie, int minUsers) {
        int kept = 0;
        for (int count : usersPerMovie) {
            if (count >= minUsers) {
                kept++;
            }
        }
        return kept;
    }

    /** {@code dataset} with only the movies rated by at least {@code minUsers} users (1 or less: unchanged). */
    public static Dataset apply(Dataset dataset, int minUsers) {
        if (minUsers <= 1) {
            return dataset;
        }
        RatingMatrix filtered = apply(dataset.ratings(), minUsers);
        return new Dataset(dataset.release(), dataset.source(), filtered, dataset.movies(), dataset.report());
    }

    /** The matrix restricted to the movies rated by at least {@code minUsers} users. */
    public static RatingMatrix apply(RatingMatrix matrix, int minUsers) {
        int[] counts = usersPerMovie(matrix);
        int[] newColumn = new int[counts.length];
        int kept = 0;
        for (int c = 0; c < counts.length; c++) {
            newColumn[c] = counts[c] >= minUsers ? kept++ : -1;
        }
        int[] keptIds = new int[kept];
        for (int c = 0; c < counts.length; c++) {
            if (newColumn[c] >= 0) {
                keptIds[newColumn[c]] = matrix.movies().idAt(c);
            }
        }
        int users = matrix.userCount();
        int[] rowPointers = new int[users + 1];
        int nnz = 0;
        int[] columns = matrix.columnIndices();
        for (int r = 0; r < users; r++) {
            for (int p = matrix.rowStart(r); p < matrix.rowEnd(r); p++) {
                if (newColumn[columns[p]] >= 0) {
                    nnz++;
                }
            }
            rowPointers[r + 1] = nnz;
        }
        int[] newColumns = new int[nnz];
        float[] ratings = new float[nnz];
        int[] seconds = new int[nnz];
        int[] oldSeconds = matrix.timestampSeconds();
        float[] oldRatings = matrix.ratings();
        int q = 0;
        for (int p = 0; p < columns.length; p++) {
            int c = newColumn[columns[p]];
            if (c >= 0) {
                newColumns[q] = c; // old columns are sorted within a row and the mapping is monotonic
                ratings[q] = oldRatings[p];
                seconds[q] = oldSeconds[p];
                q++;
            }
        }
        return new RatingMatrix(rowPointers, newColumns, ratings, seconds, matrix.users(), new IdIndex(keptIds));
    }
}
