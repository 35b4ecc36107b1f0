package org.encore.training;

import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a trained model was trained on: release name, counts, and a SHA-256 of the user and movie index maps
 * (the MovieLens ids in index order). A model only makes sense on a dataset with the same columns and rows.
 */
public record DatasetIdentity(String release, int users, int movies, int ratings, String indexSha256) {

    public static DatasetIdentity of(Dataset dataset) {
        RatingMatrix matrix = dataset.ratings();
        return new DatasetIdentity(dataset.release(), matrix.userCount(), matrix.movieCount(), matrix.ratingCount(),
                indexHash(matrix));
    }

    /** SHA-256 over the user ids then the movie ids, each as little-endian int32, with their counts. */
    public static String indexHash(RatingMatrix matrix) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, matrix.users().ids());
            update(digest, matrix.movies().ids());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void update(MessageDigest digest, int[] ids) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * (ids.length + 1)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(ids.length);
        for (int id : ids) {
            buffer.putInt(id);
        }
        digest.update(buffer.array());
    }

    /** Human-readable differences from {@code other} (this = what the run recorded); empty when they match. */
    public List<String> differencesFrom(DatasetIdentity other) {
        List<String> differences = new ArrayList<>();
        if (!java.util.Objects.equals(release, other.release)) {
            differences.add("release " + release + " vs " + other.release);
        }
        if (users != other.users) {
            differences.add(users + " users vs " + other.users);
        }
        if (movies != other.movies) {
            differences.add(movies + " movies vs " + other.movies);
        }
        if (ratings != other.ratings) {
            differences.add(ratings + " ratings vs " + other.ratings);
        }
        if (!java.util.Objects.equals(indexSha256, other.indexSha256)) {
            differences.add("different user/movie ids (index hash " + abbreviate(indexSha256) + " vs " + abbreviate(other.indexSha256) + ")");
        }
        return differences;
    }

    private static String abbreviate(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }
}
